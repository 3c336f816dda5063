// A settled refund moves its merchant order only along the state table (merchant-order-state-machine.ts):
// from PAID, FULFILLED or PARTIALLY_REFUNDED, never out of REFUNDED, and never for another attempt.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refunds, merchantOrders, webhookEvents, type MerchantOrder } from '../../db/schema';
import type { MerchantOrderStatus } from '../payments/merchant-orders/merchant-order-state-machine';
import { insertStoredOrder, storedMerchantOrder } from '../testing/stored-orders';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../testing/test-database';
import { recordRefundOnMerchantOrder } from './merchant-order-refund';

describe.each(testDatabaseDrivers())('a settled refund on its merchant order on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.dispose());

  const now = new Date('2026-11-21T09:00:00.000Z');

  /** A merchant order of 10,000 VND paid by its attempt, then put in `status`; and a refund of it. */
  async function paidOrderIn(status: MerchantOrderStatus, refundedAmount = 0, amount = 4_000) {
    const attempt = await insertStoredOrder(database.db, { status: 'PAID', amount: 10_000 });
    await database.db
      .update(merchantOrders)
      .set({ status, refundedAmount, paidAttemptId: attempt.id, paidAt: now })
      .where(eq(merchantOrders.id, attempt.shopOrderId));
    const [refund] = await database.db
      .insert(refunds)
      .values({
        orderId: attempt.id,
        mRefundId: `261121_2553_${attempt.id.slice(0, 8)}`,
        amount,
        description: 'test',
        state: 'SUCCEEDED',
        requestedAtMs: now.getTime(),
      })
      .returning();
    return { shopOrderId: attempt.shopOrderId, refund: refund! };
  }

  const refundEvents = (shopOrderId: string) =>
    database.db.select().from(webhookEvents).where(eq(webhookEvents.shopOrderId, shopOrderId));

  it.each([
    ['PAID', 0, 'PARTIALLY_REFUNDED', 4_000],
    ['FULFILLED', 0, 'PARTIALLY_REFUNDED', 4_000],
    ['PARTIALLY_REFUNDED', 6_000, 'REFUNDED', 10_000],
  ] as const)('moves a %s order on', async (from, refundedBefore, to, refundedAfter) => {
    const { shopOrderId, refund } = await paidOrderIn(from, refundedBefore);
    await database.db.transaction((tx) => recordRefundOnMerchantOrder(tx, refund, now));
    expect(await storedMerchantOrder(database.db, shopOrderId)).toMatchObject<
      Partial<MerchantOrder>
    >({
      status: to,
      refundedAmount: refundedAfter,
    });
    expect((await refundEvents(shopOrderId)).map((event) => event.type)).toEqual([
      'order.refunded',
    ]);
  });

  it('leaves a REFUNDED order as it is, with no webhook event', async () => {
    const { shopOrderId, refund } = await paidOrderIn('REFUNDED', 10_000);
    const before = await storedMerchantOrder(database.db, shopOrderId);
    await database.db.transaction((tx) => recordRefundOnMerchantOrder(tx, refund, now));
    expect(await storedMerchantOrder(database.db, shopOrderId)).toEqual(before);
    expect(await refundEvents(shopOrderId)).toHaveLength(0);
  });
});
