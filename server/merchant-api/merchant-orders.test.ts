// POST/GET /api/v1/orders over real HTTP on both databases: free and catalogue lines priced as sent, each
// bad field answered 400 by name, return and cancel URLs only to allowed origins, reads by id and by
// merchant reference, expiry, and the webhook body's merchant_reference and metadata. Idempotency-Key:
// idempotency.test.ts.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchantOrders, webhookEvents } from '../../db/schema';
import { testDatabaseDrivers } from '../testing/test-database';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import {
  serveMerchantApi,
  TEST_MERCHANT_ORDER,
  TEST_RETURN_ORIGIN,
  type ServedMerchantApi,
} from '../testing/merchant-api-harness';

const ORDER = TEST_MERCHANT_ORDER;

describe.each(testDatabaseDrivers())('merchant API orders on %s', (driver) => {
  let harness: ServiceHarness;
  let api: ServedMerchantApi;

  beforeAll(async () => {
    harness = await startServiceHarness(driver);
    api = await serveMerchantApi(harness);
  });
  afterAll(async () => {
    await api?.close();
    await harness?.close();
  });

  async function ordersCount() {
    const [row] = await harness.database.db.select({ n: count() }).from(merchantOrders);
    return row?.n ?? 0;
  }

  it('makes an order of free and catalogue lines and answers 201 with its checkout_url', async () => {
    const response = await api.call('POST', '/orders', ORDER);
    expect(response.status).toBe(201);
    const order = await response.json();
    expect(order).toMatchObject({
      status: 'AWAITING_PAYMENT',
      total: 530_000,
      currency: 'VND',
      checkout_url: `${harness.config.publicBaseUrl}/checkout/${order.order_id}`,
      merchant_reference: 'WC-10023',
      metadata: { customer_id: '8812' },
      return_url: `${TEST_RETURN_ORIGIN}/thanks`,
      lines: [
        {
          sku: null,
          name: 'Hoodie, size M',
          unit_price: 250_000,
          quantity: 2,
          line_total: 500_000,
        },
        { sku: 'banh-mi', name: 'Bánh mì', unit_price: 30_000, quantity: 1, line_total: 30_000 },
      ],
      attempts: [],
      receipt: null,
      refunds: [],
    });
    const expiresIn = Date.parse(order.expires_at) - Date.parse(order.created_at);
    expect(expiresIn).toBe(900_000);

    const read = await api.call('GET', `/orders/${order.order_id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(order);
    const listed = await api.call('GET', '/orders?merchant_reference=WC-10023');
    expect((await listed.json()).data.map((o: { order_id: string }) => o.order_id)).toContain(
      order.order_id,
    );
  });

  it('pays the order through the same attempts, then answers its receipt', async () => {
    const order = await (await api.call('POST', '/orders', ORDER)).json();
    const payment = await harness.service.payOrder(order.order_id);
    expect(payment.amount).toBe(530_000);
    await harness.pay(payment.appTransId);
    const paid = await (await api.call('GET', `/orders/${order.order_id}`)).json();
    expect(paid.status).toBe('PAID');
    expect(paid.receipt).toMatchObject({ app_trans_id: payment.appTransId, amount: 530_000 });
    const view = await harness.service.getOrder(order.order_id);
    expect(view?.merchant?.returnUrl).toBe(
      `${TEST_RETURN_ORIGIN}/thanks?order_id=${order.order_id}`,
    );
    const events = await harness.database.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.shopOrderId, order.order_id));
    expect(events.map((event) => event.payload)).toEqual([
      expect.objectContaining({
        type: 'order.paid',
        data: expect.objectContaining({
          order_id: order.order_id,
          merchant_reference: 'WC-10023',
          metadata: { customer_id: '8812' },
        }),
      }),
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no lines', { lines: [] }, 'lines'],
    [
      'a negative free price',
      { lines: [ORDER.lines[0], { name: 'x', unit_price: -5, quantity: 1 }] },
      'lines[1].unit_price',
    ],
    [
      'a fractional price',
      { lines: [{ name: 'x', unit_price: 1000.5, quantity: 1 }] },
      'lines[0].unit_price',
    ],
    [
      'a price over ORDER_MAX_AMOUNT',
      { lines: [{ name: 'x', unit_price: 60_000_000, quantity: 1 }] },
      'lines[0].unit_price',
    ],
    ['quantity 0', { lines: [{ name: 'x', unit_price: 1000, quantity: 0 }] }, 'lines[0].quantity'],
    ['quantity 100', { lines: [{ sku: 'banh-mi', quantity: 100 }] }, 'lines[0].quantity'],
    ['an empty name', { lines: [{ name: ' ', unit_price: 1000, quantity: 1 }] }, 'lines[0].name'],
    [
      'a long name',
      { lines: [{ name: 'n'.repeat(201), unit_price: 1000, quantity: 1 }] },
      'lines[0].name',
    ],
    [
      'an amount in a line',
      { lines: [{ sku: 'banh-mi', quantity: 1, amount: 1 }] },
      'lines[0].amount',
    ],
    ['an unknown sku', { lines: [{ sku: 'woo-hoodie', quantity: 1 }] }, 'lines[0].sku'],
    [
      'a sku twice',
      {
        lines: [
          { sku: 'banh-mi', quantity: 1 },
          { sku: 'banh-mi', quantity: 1 },
        ],
      },
      'lines[1].sku',
    ],
    [
      '51 lines',
      { lines: Array.from({ length: 51 }, () => ({ name: 'x', unit_price: 1000, quantity: 1 })) },
      'lines',
    ],
    [
      'a total below ORDER_MIN_AMOUNT',
      { lines: [{ name: 'x', unit_price: 999, quantity: 1 }] },
      'lines',
    ],
    [
      'a total over ORDER_MAX_AMOUNT',
      { lines: [{ name: 'x', unit_price: 50_000_000, quantity: 2 }] },
      'lines',
    ],
    [
      'a long merchant_reference',
      { lines: ORDER.lines, merchant_reference: 'r'.repeat(65) },
      'merchant_reference',
    ],
    ['a metadata number', { lines: ORDER.lines, metadata: { a: 1 } }, 'metadata.a'],
    [
      'a metadata key with a space',
      { lines: ORDER.lines, metadata: { 'a b': 'x' } },
      'metadata.a b',
    ],
    [
      '21 metadata keys',
      {
        lines: ORDER.lines,
        metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])),
      },
      'metadata',
    ],
    [
      'a long metadata value',
      { lines: ORDER.lines, metadata: { a: 'v'.repeat(501) } },
      'metadata.a',
    ],
    ['expires_in_seconds 60', { lines: ORDER.lines, expires_in_seconds: 60 }, 'expires_in_seconds'],
    ['a long description', { lines: ORDER.lines, description: 'd'.repeat(257) }, 'description'],
    ['an unknown field', { lines: ORDER.lines, amount: 1000 }, 'amount'],
  ])('answers 400 naming the field for %s', async (_case, body, field) => {
    const before = await ordersCount();
    const response = await api.call('POST', '/orders', body);
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.error).toMatchObject({ code: 'invalid_input', field });
    expect(answer.error.message).toContain(field);
    expect(await ordersCount()).toBe(before);
  });

  it.each([
    ['return_url', 'https://evil.example/thanks'],
    ['return_url', 'http://shop.example/thanks'],
    ['return_url', 'https://shop.example.evil.example/'],
    ['return_url', 'https://shop.example@evil.example/'],
    ['return_url', 'https://user:pw@shop.example/'],
    ['return_url', 'javascript:alert(1)//https://shop.example'],
    ['return_url', '//evil.example/'],
    ['cancel_url', 'https://shop.example:8443/cart'],
    ['cancel_url', 'data:text/html,<script>alert(1)</script>'],
  ])('refuses %s %s: never an open redirect', async (field, url) => {
    const response = await api.call('POST', '/orders', { lines: ORDER.lines, [field]: url });
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe(field);
  });

  it('answers 404 for an unknown order and 400 for a list without a reference', async () => {
    expect((await api.call('GET', '/orders/NOSUCHORDR')).status).toBe(404);
    expect((await api.call('GET', '/orders/bad%00id')).status).toBe(404);
    const list = await api.call('GET', '/orders');
    expect(list.status).toBe(400);
    expect((await list.json()).error.field).toBe('merchant_reference');
  });

  it('says EXPIRED once expires_at passes, and takes no new payment', async () => {
    const order = await (
      await api.call('POST', '/orders', { lines: ORDER.lines, expires_in_seconds: 300 })
    ).json();
    harness.clock.advance(301_000);
    try {
      const read = await (await api.call('GET', `/orders/${order.order_id}`)).json();
      expect(read.status).toBe('EXPIRED');
      await expect(harness.service.payOrder(order.order_id)).rejects.toMatchObject({
        code: 'order_expired',
      });
    } finally {
      harness.clock.advance(-301_000);
    }
  });
});
