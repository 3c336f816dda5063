// The merchant order's /ops page and the list's order-status filter over real HTTP on a whole checkout
// (embedded emulator, PGlite), with the orders put straight into its database in every status: an order
// with an expired and a paid attempt shows both, each linking to its page (which links back); the filter
// keeps exactly the orders of each status; an unknown reference is a 404 page, a malformed one a 400.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchantOrders, type MerchantOrder } from '../../db/schema';
import { startCheckout, type RunningCheckout } from '../checkout-server';
import { loadEnv } from '../env';
import { silentLogger } from '../logger';
import { insertOneOffMerchantOrder, insertStoredOrder } from '../testing/stored-orders';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { MERCHANT_ORDER_STATUSES } from './operator-queries';
import { ORDER_STATUS_WORDS } from './pages/display-words';

const ADMIN_TOKEN = 'test-admin-token-merchant-order-page';
let database: TestDatabase;
let checkout: RunningCheckout;
let clientDir: string;
let cookie: string;

beforeAll(async () => {
  clientDir = await mkdtemp(path.join(tmpdir(), 'checkout-client-'));
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>checkout</title>');
  database = await createTestDatabase('pglite');
  const env = loadEnv({
    PORT: '0',
    EMULATOR_PORT: '0',
    POLL_TICK_MS: '60000',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN,
  });
  checkout = await startCheckout(env, silentLogger(), {
    clientDir,
    database: Promise.resolve(database),
  });
  const signedIn = await fetch(`${checkout.url}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: ADMIN_TOKEN }).toString(),
    redirect: 'manual',
  });
  expect(signedIn.status).toBe(303);
  cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
});

afterAll(async () => {
  await checkout?.close();
  await rm(clientDir, { recursive: true, force: true });
});

const opsGet = (pathAndQuery: string) =>
  fetch(`${checkout.url}${pathAndQuery}`, { headers: { cookie }, redirect: 'manual' });

/** A merchant order with one expired attempt, then set to `status` as the payments domain would. */
async function orderIn(status: MerchantOrder['status']): Promise<string> {
  const attempt = await insertStoredOrder(database.db, { status: 'EXPIRED', amount: 30_000 });
  await database.db
    .update(merchantOrders)
    .set({
      status,
      refundedAmount: status.endsWith('REFUNDED') ? 10_000 : 0,
      ...(status === 'CANCELLED' ? { cancelledAt: new Date(), cancelledBy: 'operator' } : {}),
    })
    .where(eq(merchantOrders.id, attempt.shopOrderId));
  return attempt.shopOrderId;
}

describe('the merchant order page', () => {
  it('shows the order with its expired and its paid attempt, each linking to its own page', async () => {
    const expired = await insertStoredOrder(database.db, { status: 'EXPIRED', amount: 45_000 });
    const reference = expired.shopOrderId;
    const paid = await insertStoredOrder(database.db, {
      status: 'PAID',
      amount: 45_000,
      shopOrderId: reference,
    });
    await database.db
      .update(merchantOrders)
      .set({
        status: 'FULFILLED',
        total: 45_000,
        paidAttemptId: paid.id,
        paidAt: new Date(),
        fulfilledAt: new Date(),
        merchantReference: 'WC-10023',
      })
      .where(eq(merchantOrders.id, reference));

    const response = await opsGet(`/ops/merchant-orders/${reference}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain(`<title>Merchant order ${reference} · Operations</title>`);
    expect(page).toContain(`<h1>Merchant order <code>${reference}</code></h1>`);
    expect(page).toMatch(/<dt>Status<\/dt><dd>Fulfilled<\/dd>/);
    expect(page).toMatch(/<dt>Total<\/dt><dd>45,000 VND<\/dd>/);
    expect(page).toContain('<dt>Merchant reference</dt><dd><code>WC-10023</code></dd>');
    expect(page).toMatch(/<dt>Created at<\/dt><dd><time[^>]*>\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d</);
    expect(page).toContain('<h2>Payment attempts</h2>');
    for (const attempt of [expired, paid]) {
      expect(page).toContain(
        `<a href="/ops/orders/${attempt.appTransId}">${attempt.appTransId}</a>`,
      );
    }
    expect(page).toMatch(/<td>EXPIRED <\/td>/);
    expect(page).toMatch(/<td>PAID <\/td>/);
    expect(page).toContain('paid the order');
    // A paid order: the refund form is against its paid attempt, and no cancel is offered.
    expect(page).toContain(`action="/ops/orders/${paid.appTransId}/refunds/confirm"`);
    expect(page).not.toContain('Cancel order');
    expect(page).toContain('<h2>Webhooks</h2>');
    expect(page).toContain('<h2>Timeline</h2>');

    // The attempt's own page stays, titled as an attempt, and links back to the order.
    const attemptPage = await (await opsGet(`/ops/orders/${expired.appTransId}`)).text();
    expect(attemptPage).toContain(`<h1>Payment attempt <code>${expired.appTransId}</code></h1>`);
    expect(attemptPage).toContain(
      `<a href="/ops/merchant-orders/${reference}">Merchant order <code>${reference}</code></a>`,
    );
  });

  it('offers cancel while unpaid, and says when nobody has tried to pay yet', async () => {
    const unpaid = await insertStoredOrder(database.db, { status: 'EXPIRED' });
    const page = await (await opsGet(`/ops/merchant-orders/${unpaid.shopOrderId}`)).text();
    expect(page).toContain(`action="/ops/orders/${unpaid.appTransId}/cancel/confirm"`);
    expect(page).toContain('Awaiting payment');
    expect(page).not.toContain('name="amount"');

    const untried = await insertOneOffMerchantOrder(database.db);
    const empty = await opsGet(`/ops/merchant-orders/${untried.id}`);
    expect(empty.status).toBe(200);
    const emptyPage = await empty.text();
    expect(emptyPage).toContain('No payment attempt yet');
    expect(emptyPage).not.toContain('Cancel order');
  });

  it('answers an unknown reference with a 404 page and a malformed one with a 400 naming it', async () => {
    const moved = await opsGet('/ops/shop-orders/NOSUCHORDER1');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/ops/merchant-orders/NOSUCHORDER1');
    const unknown = await opsGet('/ops/merchant-orders/NOSUCHORDER1');
    expect(unknown.status).toBe(404);
    const text = await unknown.text();
    expect(text).toContain('<h1>Not found</h1>');
    expect(text).toContain('No merchant order NOSUCHORDER1');
    expect(text).toContain('href="/ops/sessions"');

    for (const malformed of ['a%00b', 'A'.repeat(41), '%3Cscript%3E', 'a%20b']) {
      const response = await opsGet(`/ops/merchant-orders/${malformed}`);
      expect(response.status, malformed).toBe(400);
      const body = await response.text();
      expect(body).toContain('shopOrderId: not a merchant order reference');
      expect(body).not.toContain('<script>');
    }

    const anonymous = await fetch(`${checkout.url}/ops/merchant-orders/NOSUCHORDER1`, {
      redirect: 'manual',
    });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/ops/sign-in');
  });
});

describe('the order list', () => {
  it('filters by every merchant order status, in words, each row opening the order page', async () => {
    const byStatus = new Map<string, string>();
    for (const status of MERCHANT_ORDER_STATUSES) byStatus.set(status, await orderIn(status));

    const list = await (await opsGet('/ops')).text();
    for (const status of MERCHANT_ORDER_STATUSES) {
      expect(list).toContain(`<option value="${status}">${ORDER_STATUS_WORDS[status]}</option>`);
    }
    for (const attemptStatus of ['PENDING', 'EXPIRED', 'FAILED']) {
      expect(list).not.toContain(`<option value="${attemptStatus}">`);
    }
    expect(list).toContain('Partially refunded');
    expect(list).toContain('Cancelled');

    for (const [status, reference] of byStatus) {
      const filtered = await (await opsGet(`/ops?status=${status}`)).text();
      expect(filtered, status).toContain(`<a href="/ops/merchant-orders/${reference}">`);
      for (const [other, otherReference] of byStatus) {
        if (other !== status)
          expect(filtered, `${status} lists ${other}`).not.toContain(otherReference);
      }
      expect(filtered).toContain(`<option value="${status}" selected="">`);
    }
  });
});
