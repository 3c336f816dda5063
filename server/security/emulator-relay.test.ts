// Issue 26, item 1: with HOST=0.0.0.0 a stranger could use the embedded emulator as a relay: create an
// order with the public sandbox keys and any callback_url, pay it, and have the emulator POST signed
// callbacks there, or send a shopper's browser to a javascript: redirect. Over real HTTP, from a
// non-loopback address of this machine: only the gateway pages answer; the rest is a 404.
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderMacInput, hmacHex } from '../zalopay/mac';
import { vietnamYymmdd } from '../zalopay/vietnam-date';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import { isGatewayPagePath, startEmulator, type RunningEmulator } from '../emulator/emulator';
import { createOrder, startTestCheckout, type TestCheckout } from '../testing/checkout-harness';
import { thisMachineOnly } from './loopback-only';

const APP = PUBLIC_SANDBOX_APPS[0]!;

/** An address of this machine that is not loopback: a stranger's connection arrives from it. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

/** A create request a stranger signs with the public sandbox key1. */
function signedCreate(appTransSuffix: string, extra: Record<string, string>) {
  const fields = {
    app_id: APP.appId,
    app_user: 'stranger',
    app_trans_id: `${vietnamYymmdd(Date.now())}_${appTransSuffix}`,
    app_time: Date.now(),
    amount: 10_000,
    item: '[]',
    embed_data: '{}',
    ...extra,
  };
  return {
    ...fields,
    description: 'relay',
    callback_url: 'http://10.0.0.5/internal-admin',
    mac: hmacHex(APP.key1, createOrderMacInput(fields)),
  };
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

describe.skipIf(outsideAddress === undefined)('the embedded emulator with HOST=0.0.0.0', () => {
  let running: TestCheckout;
  let fromOutside: string;
  beforeAll(async () => {
    running = await startTestCheckout('pglite', { HOST: '0.0.0.0' });
    const port = new URL(running.checkout.emulatorUrl!).port;
    fromOutside = `http://${outsideAddress}:${port}`;
  });
  afterAll(() => running.close());

  it.each([
    ['POST', '/v2/create'],
    ['POST', '/v2/query'],
    ['POST', '/v2/refund'],
    ['POST', '/v2/query_refund'],
    ['POST', '/v2/cancel'],
    ['POST', '/V2/create'],
    ['POST', '/v2/create/'],
    ['POST', '/api/getlistmerchantbanks'],
    ['GET', '/api/getlistmerchantbanks'],
    ['GET', '/inspector'],
    ['GET', '/admin/orders'],
    ['GET', '/admin/requests'],
  ])('refuses %s %s to a stranger with a 404', async (method, path) => {
    const response = await fetch(`${fromOutside}${path}`, {
      method,
      ...(method === 'POST'
        ? {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(signedCreate('relay1', {})),
          }
        : {}),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not found' });
  });

  it('stores nothing for a stranger and sends no callback', async () => {
    await post(`${fromOutside}/v2/create`, signedCreate('relay2', {}));
    const orders = await running.emulator.orders();
    expect(orders.some((order) => order.app_trans_id.endsWith('_relay2'))).toBe(false);
  });

  it("still serves the shopper's gateway page on HOST, and the checkout's own calls over loopback", async () => {
    const created = await createOrder(running.checkout.url.replace('0.0.0.0', '127.0.0.1'));
    const page = await fetch(created.order_url.replace(/^http:\/\/[^/]+/, fromOutside));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/openinapp/pay-wallet');
    const local = await fetch(`${running.checkout.emulatorUrl}/inspector`);
    expect(local.status).toBe(200);
  });
});

describe('what the guard leaves open', () => {
  it.each([
    ['/openinapp', true],
    ['/openinapp/pay-wallet', true],
    ['/pay-order', true],
    ['/openinappx', false],
    ['/v2/create', false],
    ['/v2/cancel', false],
    ['/v2/anything-added-later', false],
    ['/api/getlistmerchantbanks', false],
    ['/inspector', false],
    ['/', false],
  ])('%s is a gateway page: %s', (path, open) => {
    expect(isGatewayPagePath(path)).toBe(open);
  });
});

describe('redirect URLs that are not http(s), whatever the profile', () => {
  let emulator: RunningEmulator;
  afterAll(() => emulator.close());

  it.each(['sandbox', 'strict'] as const)('are refused at create (%s profile)', async (profile) => {
    emulator = await startEmulator({ profile });
    const redirects = [
      'javascript:alert(document.domain)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'myshop://paid',
      'not a url',
    ];
    for (const [index, redirecturl] of redirects.entries()) {
      const answer = await post(
        `${emulator.url}/v2/create`,
        signedCreate(`redir${index}`, { embed_data: JSON.stringify({ redirecturl }) }),
      );
      expect(JSON.parse(answer.text)).toMatchObject({ return_code: 2, sub_return_code: -401 });
    }
    const callback = await post(`${emulator.url}/v2/create`, {
      ...signedCreate('cb1', {}),
      callback_url: 'javascript:alert(1)',
    });
    expect(JSON.parse(callback.text)).toMatchObject({ return_code: 2, sub_return_code: -401 });
    const accepted = await post(
      `${emulator.url}/v2/create`,
      signedCreate('ok1', { embed_data: '{"redirecturl":"https://shop.example/result"}' }),
    );
    expect(JSON.parse(accepted.text)).toMatchObject({ return_code: 1 });
    await emulator.close();
  });

  it("are refused as an app's default redirect or callback URL", async () => {
    emulator = await startEmulator();
    for (const field of ['redirect_url', 'callback_url']) {
      const answer = await post(`${emulator.url}/admin/apps`, {
        app_id: 9001,
        key1: 'k'.repeat(20),
        key2: 'q'.repeat(20),
        [field]: 'javascript:alert(1)',
      });
      expect(answer.status).toBe(400);
    }
  });
});

describe('this machine, when HOST is one address of its own', () => {
  const pass = (host: string, peer: string) => {
    let passed = false;
    const res = { status: () => ({ json: () => undefined }) };
    const req = { socket: { remoteAddress: peer } };
    thisMachineOnly(host)(req as never, res as never, () => (passed = true));
    return passed;
  };

  it.each([
    ['192.0.2.2', '192.0.2.2', true],
    ['192.0.2.2', '::ffff:192.0.2.2', true],
    ['192.0.2.2', '127.0.0.1', true],
    ['192.0.2.2', '192.0.2.3', false],
    ['0.0.0.0', '192.0.2.2', false],
    ['::', '192.0.2.2', false],
    ['0.0.0.0', '::1', true],
  ])('HOST %s, peer %s: %s', (host, peer, passed) => {
    expect(pass(host, peer)).toBe(passed);
  });
});
