// POST /api/v1/orders/{order_id}/cancel over real HTTP on both databases: an unpaid order is cancelled
// with its live payment cancelled at the emulator first (its QR no longer pays), a repeat changes
// nothing, a paid order answers 409 already_paid, an unknown one 404, and no key 401.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookEvents } from '../../db/schema';
import { testDatabaseDrivers } from '../testing/test-database';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { paidMerchantOrder } from '../testing/merchant-api-instance';
import {
  serveMerchantApi,
  TEST_MERCHANT_ORDER,
  type ServedMerchantApi,
} from '../testing/merchant-api-harness';

describe.each(testDatabaseDrivers())('cancelling merchant API orders on %s', (driver) => {
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

  async function newOrder(): Promise<string> {
    const response = await api.call('POST', '/orders', TEST_MERCHANT_ORDER);
    expect(response.status).toBe(201);
    return ((await response.json()) as { order_id: string }).order_id;
  }

  it('cancels an unpaid order, its live payment first, and says so once in a webhook event', async () => {
    const orderId = await newOrder();
    const payment = await harness.service.payOrder(orderId);

    const response = await api.call('POST', `/orders/${orderId}/cancel`, undefined, {
      'idempotency-key': `cancel-${orderId}`,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ order_id: orderId, status: 'CANCELLED' });
    expect(await harness.admin.tryPay(payment.appTransId)).toMatchObject({
      result: 'not_payable',
    });

    const again = await api.call('POST', `/orders/${orderId}/cancel`);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'CANCELLED' });
    const events = await harness.database.db
      .select()
      .from(webhookEvents)
      .where(
        and(eq(webhookEvents.shopOrderId, orderId), eq(webhookEvents.type, 'order.cancelled')),
      );
    expect(events).toHaveLength(1);
  });

  it('answers 409 already_paid for a paid order, which stays paid', async () => {
    const { orderId } = await paidMerchantOrder(harness);
    const response = await api.call('POST', `/orders/${orderId}/cancel`);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'already_paid' } });
    const read = await api.call('GET', `/orders/${orderId}`);
    expect((await read.json()) as { status: string }).not.toMatchObject({ status: 'CANCELLED' });
  });

  it('answers 404 for an unknown or malformed order id, and 401 without a key', async () => {
    expect((await api.call('POST', '/orders/ZZZZZZZZZZ/cancel')).status).toBe(404);
    expect((await api.call('POST', '/orders/not%20an%20id/cancel')).status).toBe(404);
    const orderId = await newOrder();
    const stranger = await fetch(`${api.url}/api/v1/orders/${orderId}/cancel`, { method: 'POST' });
    expect(stranger.status).toBe(401);
    const read = await api.call('GET', `/orders/${orderId}`);
    expect(await read.json()).toMatchObject({ status: 'AWAITING_PAYMENT' });
  });
});
