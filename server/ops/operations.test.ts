// Operations through the real HTTP routes of a whole checkout (startCheckout: embedded emulator, PGlite):
// request ids, /readyz, /metrics moving with a payment, and the operator pages (sign-in, search,
// timeline, flags, refunds in full and in part).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { silentLogger } from '../logger';
import { startCheckout, type RunningCheckout } from '../checkout-server';
import { emulatorAdminClient, type EmulatorAdminClient } from '../emulator/admin/admin-client';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import { signCallbackBody } from '../zalopay';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const app2553 = PUBLIC_SANDBOX_APPS[0]!;
let checkout: RunningCheckout;
let emulator: EmulatorAdminClient;
let clientDir: string;

function testEnv(extra: Record<string, string> = {}) {
  return loadEnv({
    PORT: '0',
    EMULATOR_PORT: '0',
    PGLITE_DATA_DIR: 'memory://',
    POLL_TICK_MS: '60000',
    LOG_LEVEL: 'silent',
    REFUND_CHECK_INTERVAL_MS: '100',
    ...extra,
  });
}

beforeAll(async () => {
  clientDir = await mkdtemp(path.join(tmpdir(), 'checkout-client-'));
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>checkout</title>');
  checkout = await startCheckout(testEnv({ ADMIN_TOKEN }), silentLogger(), { clientDir });
  emulator = emulatorAdminClient(checkout.emulatorUrl!);
});

afterAll(async () => {
  await checkout?.close();
  await rm(clientDir, { recursive: true, force: true });
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function createOrder(amount = 50_000, orderInfo = 'Ops test order') {
  const response = await post(`${checkout.url}/api/payment/create`, {
    amount,
    order_info: orderInfo,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { app_trans_id: string }).app_trans_id;
}

async function statusOf(appTransId: string): Promise<string> {
  const response = await fetch(`${checkout.url}/api/payment/status/${appTransId}`);
  return ((await response.json()) as { detailed_status: string }).detailed_status;
}

/** Polls (bounded: at most ~10 s) until `read` returns something truthy. */
async function eventually<T>(read: () => Promise<T | undefined | false>): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met within 10 s');
}

async function payAtEmulator(appTransId: string) {
  expect((await emulator.pay(appTransId)).result).toBe('paid');
}

async function paidOrder(amount = 50_000, orderInfo = 'Ops test order'): Promise<string> {
  const appTransId = await createOrder(amount, orderInfo);
  await payAtEmulator(appTransId);
  await eventually(async () => (await statusOf(appTransId)) === 'PAID');
  return appTransId;
}

async function metrics(): Promise<string> {
  const response = await fetch(`${checkout.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/plain/);
  return response.text();
}

function metricValue(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function signIn(): Promise<string> {
  const response = await fetch(`${checkout.url}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: ADMIN_TOKEN }).toString(),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

/** What the order page renders into its refund form: a fresh one per form shown. */
const freshRefundToken = () => randomBytes(16).toString('base64url');

const opsGet = (pathAndQuery: string, cookie: string) =>
  fetch(`${checkout.url}${pathAndQuery}`, { headers: { cookie }, redirect: 'manual' });

const opsPost = (pathAndQuery: string, cookie: string, form: Record<string, string>) =>
  fetch(`${checkout.url}${pathAndQuery}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });

describe('request ids', () => {
  it('echoes an acceptable X-Request-Id and replaces one that does not look like an id', async () => {
    const kept = await fetch(`${checkout.url}/healthz`, {
      headers: { 'x-request-id': 'shopper-report-4711' },
    });
    expect(kept.headers.get('x-request-id')).toBe('shopper-report-4711');

    const replaced = await fetch(`${checkout.url}/healthz`, {
      headers: { 'x-request-id': 'bad id\twith "quotes"' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const fresh = await fetch(`${checkout.url}/api/payment/status/240101_unknown000`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /readyz', () => {
  it('is ready when the database answers, migrations are applied and the gateway answers', async () => {
    const response = await fetch(`${checkout.url}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      failed: string[];
      checks: Record<string, { ok: boolean; detail: string }>;
    };
    expect(body.status).toBe('ready');
    expect(body.failed).toEqual([]);
    expect(body.checks.database?.ok).toBe(true);
    expect(body.checks.migrations?.detail).toMatch(/^(\d+) of \1 applied$/);
    expect(body.checks.gateway?.ok).toBe(true);
  });
});

describe('GET /metrics', () => {
  it('counts the order, the callback, the transition and the gateway calls of a payment', async () => {
    const before = await metrics();
    await paidOrder();
    const after = await metrics();
    const moved = (series: string) => metricValue(after, series) - metricValue(before, series);

    expect(moved('zalopay_checkout_orders_created_total{outcome="created"}')).toBe(1);
    expect(moved('zalopay_checkout_callbacks_received_total')).toBe(1);
    expect(
      moved(
        'zalopay_checkout_order_transitions_total{transition="PENDING->PAID",input="callback"}',
      ),
    ).toBe(1);
    expect(
      moved(
        'zalopay_checkout_gateway_request_duration_seconds_count{endpoint="/v2/create",outcome="ok"}',
      ),
    ).toBe(1);
    expect(after).toMatch(/^zalopay_checkout_pending_orders_past_expiry \d+$/m);
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('counts a bad MAC and an unreadable body under their own reasons, each one received', async () => {
    const before = await metrics();
    const forged = await post(`${checkout.url}/api/zalopay/callback`, {
      data: '{"app_trans_id":"y"}',
      mac: '1'.repeat(64),
      type: 1,
    });
    expect(forged.status).toBe(400);
    const unreadable = await post(`${checkout.url}/api/zalopay/callback`, '{"data": broken');
    expect(unreadable.status).toBe(400);

    const after = await metrics();
    const moved = (series: string) => metricValue(after, series) - metricValue(before, series);
    expect(moved('zalopay_checkout_callbacks_received_total')).toBe(2);
    expect(moved('zalopay_checkout_callbacks_rejected_total{reason="bad_mac"}')).toBe(1);
    expect(moved('zalopay_checkout_callbacks_rejected_total{reason="unreadable"}')).toBe(1);
  });

  it('counts a rejected callback, a resent one, and an order recovered by a query', async () => {
    const before = await metrics();
    const forged = await post(`${checkout.url}/api/zalopay/callback`, {
      data: '{"app_trans_id":"x"}',
      mac: '0'.repeat(64),
      type: 1,
    });
    expect(forged.status).toBe(400);

    const appTransId = await createOrder();
    await emulator.addFaults({ callbacks: { drop: 1 } });
    await payAtEmulator(appTransId);
    expect(await statusOf(appTransId)).toBe('PAID');

    const resent = signCallbackBody(
      {
        app_id: app2553.appId,
        app_trans_id: appTransId,
        app_time: Date.now(),
        app_user: 'zalopay-checkout',
        amount: 50_000,
        embed_data: '{}',
        item: '[]',
        zp_trans_id: 261121000000777,
        server_time: Date.now(),
        channel: 38,
        merchant_user_id: 'm',
        zp_user_id: 'z',
        user_fee_amount: 0,
        discount_amount: 0,
      },
      app2553.key2,
    );
    await post(`${checkout.url}/api/zalopay/callback`, resent);
    await post(`${checkout.url}/api/zalopay/callback`, resent);

    const after = await metrics();
    const moved = (series: string) => metricValue(after, series) - metricValue(before, series);
    expect(moved('zalopay_checkout_callbacks_rejected_total{reason="bad_mac"}')).toBe(1);
    expect(moved('zalopay_checkout_callbacks_duplicated_total')).toBe(1);
    expect(moved('zalopay_checkout_orders_paid_by_query_total{source="status"}')).toBe(1);
    expect(
      moved('zalopay_checkout_order_transitions_total{transition="PENDING->PAID",input="query"}'),
    ).toBe(1);
  });
});

describe('operator pages', () => {
  it('sends a visitor without a session to sign in, and refuses a POST with 401', async () => {
    const page = await fetch(`${checkout.url}/ops`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/ops/sign-in');

    const refund = await opsPost('/ops/orders/240101_x/refunds', 'ops_session=forged', {
      amount: '1000',
      description: 'x',
    });
    expect(refund.status).toBe(401);
  });

  it('refuses a wrong token and signs in with the right one (HttpOnly, SameSite=Strict)', async () => {
    const wrong = await fetch(`${checkout.url}/ops/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=not-the-token',
      redirect: 'manual',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const right = await fetch(`${checkout.url}/ops/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: ADMIN_TOKEN }).toString(),
      redirect: 'manual',
    });
    expect(right.status).toBe(303);
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ops_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(ADMIN_TOKEN);

    const crossSite = await fetch(`${checkout.url}/ops/sign-out`, {
      method: 'POST',
      headers: { cookie: cookie.split(';')[0]!, origin: 'https://evil.example' },
      redirect: 'manual',
    });
    expect(crossSite.status).toBe(403);
  });

  it('finds orders by app_trans_id, its prefix, zp_trans_id and status', async () => {
    const cookie = await signIn();
    const paid = await paidOrder(20_000, 'Search me');
    const pending = await createOrder(30_000, 'Still pending');

    const byId = await (await opsGet(`/ops?q=${paid}`, cookie)).text();
    expect(byId).toContain(paid);
    expect(byId).not.toContain(pending);

    const byDay = await (await opsGet(`/ops?q=${paid.slice(0, 7)}`, cookie)).text();
    expect(byDay).toContain(paid);
    expect(byDay).toContain(pending);

    const emulatorOrder = await emulator.order(paid);
    const byZpTransId = await (
      await opsGet(`/ops?q=${String(emulatorOrder.zp_trans_id)}`, cookie)
    ).text();
    expect(byZpTransId).toContain(paid);
    expect(byZpTransId).not.toContain(pending);

    // The filter is the merchant order's status, as the list shows it.
    const byStatus = await (await opsGet(`/ops?status=AWAITING_PAYMENT`, cookie)).text();
    expect(byStatus).toContain(pending);
    expect(byStatus).not.toContain(paid);
    const search = await (await opsGet('/ops', cookie)).text();
    for (const option of ['Partially refunded', 'Cancelled', 'Awaiting payment']) {
      expect(search).toContain(`>${option}</option>`);
    }

    // A merchant order is listed once, by its reference, with its attempts; the reference opens it.
    const reference = paid.split('_')[1]!;
    const byReference = await (await opsGet(`/ops?q=${reference}`, cookie)).text();
    expect(byReference).toContain(`<code>${reference}</code>`);
    expect(byReference).toContain(paid);
    expect(byReference).toContain('1 merchant order(s)');
    expect(byReference).toContain(`<a href="/ops/merchant-orders/${reference}">`);
    const opened = await opsGet(`/ops/merchant-orders/${reference}`, cookie);
    expect(opened.status).toBe(200);
    const orderPage = await opened.text();
    expect(orderPage).toContain(`<h1>Merchant order <code>${reference}</code></h1>`);
    expect(orderPage).toContain(`<a href="/ops/orders/${paid}">${paid}</a>`);
  });

  it("shows an order's timeline from the ledger, escaped, with flags standing out", async () => {
    const cookie = await signIn();
    const appTransId = await paidOrder(40_000, '<script>alert(1)</script>');
    await eventually(async () => {
      const text = await (await opsGet(`/ops/orders/${appTransId}`, cookie)).text();
      return text.includes('Fulfilment delivered') && text;
    });
    const response = await opsGet(`/ops/orders/${appTransId}`, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain('Payment attempt created');
    expect(page).toContain('ZaloPay created the order');
    expect(page).toMatch(/<h2>Merchant order <code>[0-9A-Z]{10}<\/code><\/h2>/);
    expect(page).toContain('<dd>Fulfilled</dd>');
    expect(page).toContain('paid the order');
    expect(page).toContain('Callback received (MAC verified): PENDING-&gt;PAID');
    expect(page).toContain('we replied {&quot;return_code&quot;:1');
    expect(page).toContain('Fulfilment queued');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('AMOUNT MISMATCH');

    const flagged = await createOrder(60_000, 'Flag me');
    const wrongAmount = signCallbackBody(
      {
        app_id: app2553.appId,
        app_trans_id: flagged,
        app_time: Date.now(),
        app_user: 'zalopay-checkout',
        amount: 1_000,
        embed_data: '{}',
        item: '[]',
        zp_trans_id: 261121000000888,
        server_time: Date.now(),
        channel: 38,
        merchant_user_id: 'm',
        zp_user_id: 'z',
        user_fee_amount: 0,
        discount_amount: 0,
      },
      app2553.key2,
    );
    expect((await post(`${checkout.url}/api/zalopay/callback`, wrongAmount)).status).toBe(200);
    const flaggedPage = await (await opsGet(`/ops/orders/${flagged}`, cookie)).text();
    expect(flaggedPage).toMatch(/<div class="alerts" role="alert">[\s\S]*AMOUNT MISMATCH/);
    expect(flaggedPage).not.toContain('name="amount"');
  });

  it('refunds part of a PAID order, refuses more than is left, then refunds the rest', async () => {
    const cookie = await signIn();
    const appTransId = await paidOrder(50_000, 'Refund me');

    const partial = await opsPost(`/ops/orders/${appTransId}/refunds`, cookie, {
      refund_token: freshRefundToken(),
      amount: '20000',
      description: 'One item returned',
    });
    expect(partial.status).toBe(303);
    expect(partial.headers.get('location')).toBe(
      `/ops/orders/${appTransId}?notice=refund_requested`,
    );

    const tooMuch = await opsPost(`/ops/orders/${appTransId}/refunds`, cookie, {
      refund_token: freshRefundToken(),
      amount: '30001',
      description: 'Too much',
    });
    expect(tooMuch.status).toBe(409);
    expect(await tooMuch.text()).toContain('Only 30000 VND of this order can still be refunded');

    const rest = await opsPost(`/ops/orders/${appTransId}/refunds`, cookie, {
      refund_token: freshRefundToken(),
      amount: '30000',
      description: 'Everything else',
    });
    expect(rest.status).toBe(303);

    // The emulator settles refunds 1 s after accepting them; the worker checks every 100 ms.
    const settled = await eventually(async () => {
      const text = await (await opsGet(`/ops/orders/${appTransId}`, cookie)).text();
      return /<dt>Refunded<\/dt>\s*<dd>\s*50,000 VND\s*<\/dd>/.test(text) && text;
    });
    expect(settled.match(/<td>SUCCEEDED<\/td>/g)).toHaveLength(2);
    expect(settled).toContain('Refund requested');
    expect(settled).toContain('Refund status queried: PROCESSING-&gt;SUCCEEDED');
    expect(settled).not.toContain('name="amount"');

    const nothingLeft = await opsPost(`/ops/orders/${appTransId}/refunds`, cookie, {
      refund_token: freshRefundToken(),
      amount: '1',
      description: 'Nothing left',
    });
    expect(nothingLeft.status).toBe(409);

    const pending = await createOrder();
    const unpaid = await opsPost(`/ops/orders/${pending}/refunds`, cookie, {
      refund_token: freshRefundToken(),
      amount: '1000',
      description: 'Not paid',
    });
    expect(unpaid.status).toBe(409);
    expect(await unpaid.text()).toContain('Only a PAID order can be refunded');

    const after = await metrics();
    expect(metricValue(after, 'zalopay_checkout_refunds_total{state="SUCCEEDED"}')).toBe(2);
  });

  it('reads "50.000" as fifty thousand dong on the confirmation and refuses 0x10 naming the amount', async () => {
    const cookie = await signIn();
    const appTransId = await paidOrder(80_000, 'Typed the Vietnamese way');
    const review = (amount: string) =>
      opsPost(`/ops/orders/${appTransId}/refunds/confirm`, cookie, {
        refund_token: freshRefundToken(),
        amount,
        description: 'Typed amount',
      });
    for (const typed of ['50.000', '50,000', '50 000', '50000', '50k']) {
      const confirmation = await review(typed);
      expect(confirmation.status).toBe(200);
      const text = await confirmation.text();
      expect(text).toContain('Refund 50,000 VND?');
      expect(text).toContain('(fifty thousand dong)');
      expect(text).toContain('name="amount" value="50000"');
    }
    for (const typed of ['0x10', '1e3', '50.5', '1.000,5', '-1000']) {
      const refused = await review(typed);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toMatch(
        /Refund not sent: amount (is not a whole number|must be above 0)/,
      );
    }
    const refunds = await opsGet(`/ops/orders/${appTransId}`, cookie);
    expect(await refunds.text()).toContain('No refunds.');
  });

  it('refunds once when the same refund form is sent twice (a resubmission after a lost answer)', async () => {
    const cookie = await signIn();
    const appTransId = await paidOrder(50_000, 'Refund me once');
    const form = { refund_token: freshRefundToken(), amount: '10000', description: 'Sent twice' };

    const first = await opsPost(`/ops/orders/${appTransId}/refunds`, cookie, form);
    const again = await opsPost(`/ops/orders/${appTransId}/refunds`, cookie, form);
    expect([first.status, again.status]).toEqual([303, 303]);

    const text = await (await opsGet(`/ops/orders/${appTransId}`, cookie)).text();
    expect(text.match(/<td>10,000 VND<\/td>/g)).toHaveLength(1);
    expect(text).toContain('Amount to refund (VND), at most 40,000 VND');
  });

  it('refuses a refund form without its one-time token', async () => {
    const cookie = await signIn();
    const appTransId = await paidOrder(20_000, 'No token');
    const response = await opsPost(`/ops/orders/${appTransId}/refunds`, cookie, {
      amount: '1000',
      description: 'No token',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('refund_token is missing or damaged');
  });
});

describe('operator pages without ADMIN_TOKEN', () => {
  it('do not exist: every /ops path answers 404, even with the client being served', async () => {
    const plain = await startCheckout(testEnv(), silentLogger(), { clientDir });
    try {
      for (const opsPath of ['/ops', '/ops/sign-in', '/ops/orders/240101_abc']) {
        const response = await fetch(`${plain.url}${opsPath}`, { redirect: 'manual' });
        expect(response.status, opsPath).toBe(404);
      }
      const signIn = await fetch(`${plain.url}/ops/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'token=anything-at-all-really',
      });
      expect(signIn.status).toBe(404);
      expect((await fetch(`${plain.url}/`)).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
