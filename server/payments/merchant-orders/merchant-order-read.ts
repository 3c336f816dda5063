// Reads what the merchant API answers about orders (GET /api/v1/orders/{id}, ?merchant_reference=): the
// order row with its attempts and its refunds, for one order or for the newest orders of one reference.
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../../db/create-db';
import {
  paymentAttempts,
  refunds,
  merchantOrders,
  type PaymentAttempt,
  type Refund,
  type MerchantOrder,
} from '../../../db/schema';

export interface MerchantOrderRecord {
  order: MerchantOrder;
  /** Oldest first. */
  attempts: PaymentAttempt[];
  /** Oldest first. */
  refunds: Refund[];
}

/** A reference may be reused by the merchant; the newest orders come first, this many at most. */
export const MAX_ORDERS_PER_REFERENCE = 100;

async function withAttemptsAndRefunds(
  db: Database,
  orders: MerchantOrder[],
): Promise<MerchantOrderRecord[]> {
  if (orders.length === 0) return [];
  const ids = orders.map((order) => order.id);
  const attempts = await db
    .select()
    .from(paymentAttempts)
    .where(inArray(paymentAttempts.shopOrderId, ids))
    .orderBy(asc(paymentAttempts.attempt));
  const attemptIds = attempts.map((attempt) => attempt.id);
  const refundRows =
    attemptIds.length === 0
      ? []
      : await db
          .select()
          .from(refunds)
          .where(inArray(refunds.orderId, attemptIds))
          .orderBy(asc(refunds.createdAt));
  return orders.map((order) => {
    const own = attempts.filter((attempt) => attempt.shopOrderId === order.id);
    const ownIds = new Set(own.map((attempt) => attempt.id));
    return {
      order,
      attempts: own,
      refunds: refundRows.filter((refund) => ownIds.has(refund.orderId)),
    };
  });
}

export async function readMerchantOrder(
  db: Database,
  orderId: string,
): Promise<MerchantOrderRecord | undefined> {
  const orders = await db.select().from(merchantOrders).where(eq(merchantOrders.id, orderId));
  const [record] = await withAttemptsAndRefunds(db, orders);
  return record;
}

export async function findMerchantOrders(
  db: Database,
  merchantReference: string,
): Promise<MerchantOrderRecord[]> {
  const orders = await db
    .select()
    .from(merchantOrders)
    .where(
      and(
        isNotNull(merchantOrders.merchantReference),
        eq(merchantOrders.merchantReference, merchantReference),
      ),
    )
    .orderBy(desc(merchantOrders.createdAt))
    .limit(MAX_ORDERS_PER_REFERENCE);
  return withAttemptsAndRefunds(db, orders);
}
