// Issue 26, item 6: one address could store about 86,000 unpaid merchant orders a day, nothing pruned
// them, and creating orders spent the payment-create budget; whoever held a reference saw a one-off
// order's order_info (a name, a phone) as its line name. Over real HTTP: orders have their own limit,
// orders never attempted are deleted after UNPAID_ORDER_RETENTION_DAYS, and the reference shows only
// what paying and a receipt need.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../logger';
import { startUnpaidOrderPruner } from '../payments/merchant-orders/unpaid-order-pruner';
import { serveAppOn, type ServedApp } from '../testing/app-harness';
import { postJson, startTestCheckout, type TestCheckout } from '../testing/checkout-harness';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { testDatabaseDrivers } from '../testing/test-database';

const DAY_MS = 24 * 60 * 60_000;
const CART = { lines: [{ sku: 'banh-mi', quantity: 1 }] };
const orderIdOf = async (response: Response) =>
  z.object({ order_id: z.string() }).parse(await response.json()).order_id;

describe('ORDER_RATE_LIMIT_PER_MINUTE', () => {
  let running: TestCheckout;
  let base: string;
  beforeAll(async () => {
    running = await startTestCheckout('pglite', {
      ORDER_RATE_LIMIT_PER_MINUTE: '2',
      CREATE_RATE_LIMIT_PER_MINUTE: '3',
    });
    base = running.checkout.url;
  });
  afterAll(() => running.close());

  it('limits new orders over REST and tRPC together, and leaves the payment budget whole', async () => {
    const first = await postJson(`${base}/api/orders`, CART);
    expect(first.status).toBe(201);
    const second = await postJson(`${base}/trpc/createOrder`, { json: CART });
    expect(second.status).toBe(200);

    const refused = await postJson(`${base}/api/orders`, CART);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('Too many new orders') },
    });
    expect((await postJson(`${base}/trpc/createOrder`, { json: CART })).status).toBe(429);

    // The shopper who built carts can still pay: three payment creates, as CREATE_RATE_LIMIT allows.
    const orderId = await orderIdOf(first);
    for (let i = 0; i < 3; i += 1) {
      expect((await postJson(`${base}/api/payment/create`, { order_id: orderId })).status).toBe(
        201,
      );
    }
    expect((await postJson(`${base}/api/payment/create`, { order_id: orderId })).status).toBe(429);
  });
});

describe.each(testDatabaseDrivers())('orders nobody tried to pay (%s)', (driver) => {
  let harness: ServiceHarness;
  let app: ServedApp;
  beforeAll(async () => {
    harness = await startServiceHarness(driver);
    app = await serveAppOn(harness);
  });
  afterAll(async () => {
    await app.close();
    await harness.close();
  });

  it('are deleted UNPAID_ORDER_RETENTION_DAYS after they were made; the others stay', async () => {
    const abandoned = await orderIdOf(await postJson(`${app.url}/api/orders`, CART));
    const attempted = await orderIdOf(await postJson(`${app.url}/api/orders`, CART));
    expect((await postJson(`${app.url}/api/payment/create`, { order_id: attempted })).status).toBe(
      201,
    );
    harness.clock.advance(6 * DAY_MS);
    const recent = await orderIdOf(await postJson(`${app.url}/api/orders`, CART));
    harness.clock.advance(2 * DAY_MS);

    const pruner = startUnpaidOrderPruner({
      database: harness.database,
      retentionDays: 7,
      log: silentLogger(),
      now: harness.clock.now,
    });
    try {
      expect(await pruner.prune()).toBe(1);
      expect(await pruner.prune()).toBe(0);
    } finally {
      await pruner.stop();
    }
    expect((await fetch(`${app.url}/api/orders/${abandoned}`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/orders/${attempted}`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/orders/${recent}`)).status).toBe(200);
  });

  it('are kept forever with UNPAID_ORDER_RETENTION_DAYS=0', async () => {
    const kept = await orderIdOf(await postJson(`${app.url}/api/orders`, CART));
    harness.clock.advance(400 * DAY_MS);
    const pruner = startUnpaidOrderPruner({
      database: harness.database,
      retentionDays: 0,
      log: silentLogger(),
      now: harness.clock.now,
    });
    expect(await pruner.prune()).toBe(0);
    await pruner.stop();
    expect((await fetch(`${app.url}/api/orders/${kept}`)).status).toBe(200);
  });
});

describe('what a one-off order reference shows a stranger', () => {
  let harness: ServiceHarness;
  let app: ServedApp;
  beforeAll(async () => {
    harness = await startServiceHarness('pglite');
    app = await serveAppOn(harness);
  });
  afterAll(async () => {
    await app.close();
    await harness.close();
  });

  it('never its order_info: the line is named "Payment" in REST and tRPC alike', async () => {
    const private_ = 'Nguyễn Văn A 0901234567';
    const created = await postJson(`${app.url}/api/payment/create`, {
      amount: 25_000,
      order_info: private_,
    });
    expect(created.status).toBe(201);
    const { order_id: orderId, app_trans_id: appTransId } = z
      .object({ order_id: z.string(), app_trans_id: z.string() })
      .parse(await created.json());

    const input = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));
    const answers = await Promise.all(
      [
        `${app.url}/api/orders/${orderId}`,
        `${app.url}/api/payment/status/${appTransId}`,
        `${app.url}/trpc/getOrder?input=${input({ orderId })}`,
        `${app.url}/trpc/getStatus?input=${input({ appTransId })}`,
      ].map(async (url) => ({ url, text: await (await fetch(url)).text() })),
    );
    for (const { url, text } of answers) {
      expect({ url, leaks: text.includes('0901234567') || text.includes('Nguy') }).toEqual({
        url,
        leaks: false,
      });
    }
    const order = JSON.parse(answers[0]!.text) as { lines: Array<{ name: unknown }> };
    expect(JSON.stringify(order.lines[0])).toMatch(/Payment|Thanh toán/);
    // What paying needs is still there for the shopper's own page: the live attempt's order_url.
    expect(answers[0]!.text).toContain('order_url');
  });
});
