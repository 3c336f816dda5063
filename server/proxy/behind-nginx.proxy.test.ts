// Issue 22: the checkout as a merchant runs it: Debian's nginx with deploy/nginx's snippet, https with
// a certificate made for the run, two instances on one PostgreSQL, PUBLIC_BASE_URL https and TRUST_PROXY=1.
// Through the proxy: a desktop journey with its live status, the mobile return, ZaloPay's callback,
// rate limits keyed on the real client, the operator's Secure cookie; then one instance is killed with
// shoppers waiting, and their pages reconnect to the other. Nothing lost, nothing doubled.
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorAdminClient } from '../emulator/admin/admin-client';
import type { RunningEmulator } from '../emulator/emulator';
import type { ChaosDatabase } from '../chaos/chaos-database';
import type { CheckoutInstance } from '../chaos/checkout-instance';
import { createOrder } from '../chaos/one-off-orders';
import { compareWithTruth, describeTruthReport, truthReached } from '../chaos/truth-comparison';
import { waitUntil } from '../chaos/wait-until';
import { followStatus } from './followed-status';
import type { NginxProcess } from './nginx-process';
import { ADMIN_TOKEN, CREATES_PER_MINUTE, startProxyStage, type ProxyStage } from './proxy-stage';

let stage: ProxyStage;
let database: ChaosDatabase;
let emulator: RunningEmulator;
let admin: EmulatorAdminClient;
let instances: CheckoutInstance[] = [];
let proxy: NginxProcess;

beforeAll(async () => {
  stage = await startProxyStage();
  ({ database, emulator, admin, instances, proxy } = stage);
});

afterAll(() => stage?.close());

async function postJson(path: string, body: unknown) {
  const response = await fetch(`${proxy.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A POST from another loopback address (127.0.0.2, ...): to nginx, another client. */
function postFrom(
  localAddress: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${proxy.url}${path}`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode!, setCookie: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const createFrom = async (localAddress: string, headers: Record<string, string> = {}) =>
  (
    await postFrom(
      localAddress,
      '/api/orders',
      JSON.stringify({ lines: [{ sku: 'banh-mi', quantity: 1 }] }),
      headers,
    )
  ).status;

async function placeOrder(): Promise<{ orderId: string; appTransId: string; orderUrl: string }> {
  const order = await postJson('/api/orders', { lines: [{ sku: 'banh-mi', quantity: 2 }] });
  expect(order.status).toBe(201);
  const created = await postJson('/api/payment/create', { order_id: order.body.order_id });
  expect(created.status).toBe(201);
  return {
    orderId: String(order.body.order_id),
    appTransId: String(created.body.app_trans_id),
    orderUrl: String(created.body.order_url),
  };
}

describe('two instances behind nginx, https', () => {
  it('serves the shop over TLS, compressed by the app, with HSTS', async () => {
    const page = await fetch(proxy.url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<div id="root">');
  });

  it('takes a desktop payment: QR, live status through the proxy at once, the callback through the proxy', async () => {
    const { appTransId, orderUrl } = await placeOrder();
    expect(orderUrl.startsWith(emulator.url)).toBe(true);
    const page = followStatus(proxy.url, appTransId);
    try {
      expect(
        await waitUntil(async () => page.statuses().includes('PENDING'), {
          limitMs: 10_000,
          everyMs: 20,
        }),
      ).not.toBeNull();
      // Buffered, nginx would hold a small event until its buffer filled or the stream ended.
      expect(page.firstEventMs()).toBeLessThan(2_000);
      const paidAt = performance.now();
      await admin.pay(appTransId);
      expect(
        await waitUntil(async () => page.statuses().includes('PAID'), {
          limitMs: 10_000,
          everyMs: 20,
        }),
      ).not.toBeNull();
      expect(performance.now() - paidAt).toBeLessThan(3_000);
      expect(page.connections()).toBe(1);
    } finally {
      page.close();
    }
    const status = await fetch(`${proxy.url}/api/payment/status/${appTransId}`);
    expect(await status.json()).toMatchObject({ status: 'PAID' });
    // The callback came to the https public URL, through nginx, and was acknowledged.
    expect(await proxy.accessLog()).toMatch(/"POST \/api\/zalopay\/callback HTTP\/1\.1" 200 /);
  });

  it('sends a mobile shopper back through the proxy to the confirmation page, which trusts only the server', async () => {
    const { appTransId } = await placeOrder();
    const paid = await admin.pay(appTransId);
    expect(paid.redirect_url).toMatch(new RegExp(`^${proxy.url}/order/confirmation\\?`));
    const back = await fetch(paid.redirect_url!);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toMatch(/^text\/html/);
    const input = encodeURIComponent(
      JSON.stringify({
        json: { query: Object.fromEntries(new URL(paid.redirect_url!).searchParams) },
      }),
    );
    const reported = await fetch(`${proxy.url}/trpc/reportRedirect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: decodeURIComponent(input),
    });
    expect(reported.status).toBe(200);
  });

  it('keys the create limit on the real client address, not the proxy, and ignores a forged X-Forwarded-For', async () => {
    const first: number[] = [];
    for (let i = 0; i < 2 * CREATES_PER_MINUTE + 4; i += 1)
      first.push(await createFrom('127.0.0.2'));
    expect(first.filter((code) => code === 201).length).toBeLessThanOrEqual(2 * CREATES_PER_MINUTE);
    expect(first.slice(-2)).toEqual([429, 429]);
    expect(await createFrom('127.0.0.2', { 'x-forwarded-for': '203.0.113.9' })).toBe(429);
    // Another client behind the same proxy still gets through.
    expect(await createFrom('127.0.0.3')).toBe(201);
  });

  it('signs an operator in over https with a Secure, HttpOnly, SameSite cookie, recorded with the real address', async () => {
    const signIn = await postFrom('127.0.0.4', '/ops/sign-in', `token=${ADMIN_TOKEN}`, {
      'content-type': 'application/x-www-form-urlencoded',
      origin: proxy.url,
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.setCookie[0] ?? '';
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    const sessions = await fetch(`${proxy.url}/ops/sessions`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(sessions.status).toBe(200);
    expect(await sessions.text()).toContain('127.0.0.4');
  });

  it('loses nothing when an instance dies with shoppers waiting: their pages reconnect to the other', async () => {
    const appTransIds = await Promise.all(
      Array.from({ length: 4 }, (_, i) => createOrder(proxy.url, 20_000 + i * 1_000)),
    );
    const pages = appTransIds.map((id) => followStatus(proxy.url, id));
    try {
      expect(
        await waitUntil(async () => pages.every((page) => page.statuses().includes('PENDING')), {
          limitMs: 15_000,
          everyMs: 50,
        }),
      ).not.toBeNull();
      // nginx hands the four streams to the two instances in turn.
      await instances[0]!.kill9();
      expect(
        await waitUntil(async () => pages.some((page) => page.connections() > 1), {
          limitMs: 10_000,
          everyMs: 50,
        }),
      ).not.toBeNull();
      for (const id of appTransIds) await admin.pay(id);
      expect(
        await waitUntil(async () => pages.every((page) => page.statuses().includes('PAID')), {
          limitMs: 20_000,
          everyMs: 50,
        }),
      ).not.toBeNull();
      for (const page of pages) expect(page.statuses().filter((s) => s === 'PAID')).toHaveLength(1);
    } finally {
      for (const page of pages) page.close();
    }
    let report = await compareWithTruth(database.sql, await admin.orders());
    await waitUntil(
      async () =>
        truthReached((report = await compareWithTruth(database.sql, await admin.orders()))),
      { limitMs: 30_000, everyMs: 250 },
    );
    expect(truthReached(report), describeTruthReport(report)).toBe(true);
    expect(report.paid).toBe(6);
    expect(report.doublePayments).toBe(0);
    expect(instances[1]!.alive()).toBe(true);
  });
});
