// The operator's "Cancel order" over real HTTP on a whole checkout (embedded emulator, PGlite): the button
// only on an unpaid order, a confirmation page that changes nothing, the cancel (its live payment cancelled
// at ZaloPay first), a paid order refused with 409, and no cancel without a session or from another origin.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { silentLogger } from '../logger';
import { startCheckout, type RunningCheckout } from '../checkout-server';
import { emulatorAdminClient, type EmulatorAdminClient } from '../emulator/admin/admin-client';

const ADMIN_TOKEN = 'test-admin-token-cancel-0123456789';
let checkout: RunningCheckout;
let emulator: EmulatorAdminClient;
let clientDir: string;
let cookie: string;

beforeAll(async () => {
  clientDir = await mkdtemp(path.join(tmpdir(), 'checkout-client-'));
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>checkout</title>');
  const env = loadEnv({
    PORT: '0',
    EMULATOR_PORT: '0',
    PGLITE_DATA_DIR: 'memory://',
    POLL_TICK_MS: '60000',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN,
  });
  checkout = await startCheckout(env, silentLogger(), { clientDir });
  emulator = emulatorAdminClient(checkout.emulatorUrl!);
  const signedIn = await post('/ops/sign-in', { token: ADMIN_TOKEN }, '');
  expect(signedIn.status).toBe(303);
  cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
});

afterAll(async () => {
  await checkout?.close();
  await rm(clientDir, { recursive: true, force: true });
});

function post(
  pathAndQuery: string,
  form: Record<string, string>,
  withCookie = cookie,
  origin?: string,
) {
  return fetch(`${checkout.url}${pathAndQuery}`, {
    method: 'POST',
    headers: {
      cookie: withCookie,
      'content-type': 'application/x-www-form-urlencoded',
      ...(origin ? { origin } : {}),
    },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

const orderPage = async (appTransId: string) =>
  (await fetch(`${checkout.url}/ops/orders/${appTransId}`, { headers: { cookie } })).text();

/** A merchant order with a live attempt, through the REST API as the shop makes them. */
async function unpaidOrder(): Promise<{ orderId: string; appTransId: string }> {
  const created = await fetch(`${checkout.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lines: [{ sku: 'banh-mi', quantity: 1 }] }),
  });
  const { order_id: orderId } = (await created.json()) as { order_id: string };
  const paying = await fetch(`${checkout.url}/api/payment/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ order_id: orderId }),
  });
  const { app_trans_id: appTransId } = (await paying.json()) as { app_trans_id: string };
  return { orderId, appTransId };
}

describe('operator cancel', () => {
  it('asks to confirm, then cancels the order and its live payment at ZaloPay', async () => {
    const { orderId, appTransId } = await unpaidOrder();
    expect(await orderPage(appTransId)).toContain(`/ops/orders/${appTransId}/cancel/confirm`);

    const confirm = await post(`/ops/orders/${appTransId}/cancel/confirm`, {});
    expect(confirm.status).toBe(200);
    const confirmText = await confirm.text();
    expect(confirmText).toContain(`Cancel order ${orderId}?`);
    expect(confirmText).toContain(appTransId);
    expect(confirmText).toContain(`<a href="/ops/merchant-orders/${orderId}">Keep the order</a>`);
    expect((await emulator.order(appTransId)).status).toBe('pending');

    const done = await post(`/ops/orders/${appTransId}/cancel`, {});
    expect(done.status).toBe(303);
    const back = `/ops/merchant-orders/${orderId}?notice=order_cancelled`;
    expect(done.headers.get('location')).toBe(back);
    expect((await emulator.order(appTransId)).status).toBe('cancelled');
    const notice = await (await fetch(`${checkout.url}${back}`, { headers: { cookie } })).text();
    expect(notice).toContain('<p class="notice" role="status">Order cancelled: its payments');
    expect(notice).toMatch(/<dt>Cancelled at<\/dt><dd><time[^>]*>[^<]*<\/time> by operator<\/dd>/);
    const after = await orderPage(appTransId);
    expect(after).toContain('Cancelled');
    expect(after).not.toContain('/cancel/confirm');

    const shopperRetry = await fetch(`${checkout.url}/api/payment/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order_id: orderId }),
    });
    expect(shopperRetry.status).toBe(409);
  });

  it('refuses to cancel a paid order with 409 and says why', async () => {
    const { appTransId } = await unpaidOrder();
    expect((await emulator.pay(appTransId)).result).toBe('paid');
    const refused = await post(`/ops/orders/${appTransId}/cancel`, {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Order not cancelled');
    const confirm = await post(`/ops/orders/${appTransId}/cancel/confirm`, {});
    expect(confirm.status).toBe(409);
    expect((await emulator.order(appTransId)).status).toBe('paid');
  });

  it('cancels nothing without a session, from another origin, or for an unknown order', async () => {
    const { appTransId } = await unpaidOrder();
    expect((await post(`/ops/orders/${appTransId}/cancel`, {}, '')).status).toBe(401);
    const foreign = await post(
      `/ops/orders/${appTransId}/cancel`,
      {},
      cookie,
      'https://evil.example',
    );
    expect(foreign.status).toBe(403);
    expect((await post('/ops/orders/260101_NOSUCHORDR_1/cancel', {})).status).toBe(404);
    expect((await emulator.order(appTransId)).status).toBe('pending');
  });
});
