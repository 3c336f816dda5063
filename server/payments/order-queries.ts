// Reads of payment_orders by the keys the outside world holds: app_trans_id and the idempotency key.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { paymentOrders, type PaymentOrder } from '../../db/schema';

export async function findOrderByAppTransId(
  db: Database,
  appTransId: string,
): Promise<PaymentOrder | undefined> {
  const [order] = await db
    .select()
    .from(paymentOrders)
    .where(eq(paymentOrders.appTransId, appTransId));
  return order;
}

export async function findOrderByIdempotencyKey(
  db: Database,
  idempotencyKey: string,
): Promise<PaymentOrder | undefined> {
  const [order] = await db
    .select()
    .from(paymentOrders)
    .where(eq(paymentOrders.idempotencyKey, idempotencyKey));
  return order;
}
