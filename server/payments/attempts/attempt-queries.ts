// Reads of payment_attempts by the keys the outside world holds: app_trans_id and the idempotency key.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/create-db';
import { preparedPerDatabase } from '../../../db/prepared-per-database';
import { paymentAttempts, type PaymentAttempt } from '../../../db/schema';

/** The busiest read (every status request, every watch): built once per database, not per call. */
const findByAppTransId = preparedPerDatabase((db) =>
  db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.appTransId, sql.placeholder('appTransId')))
    .prepare('find_order_by_app_trans_id'),
);

export async function findOrderByAppTransId(
  db: Database,
  appTransId: string,
): Promise<PaymentAttempt | undefined> {
  const [order] = await findByAppTransId(db).execute({ appTransId });
  return order;
}

export async function findOrderByIdempotencyKey(
  db: Database,
  idempotencyKey: string,
): Promise<PaymentAttempt | undefined> {
  const [order] = await db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.idempotencyKey, idempotencyKey));
  return order;
}
