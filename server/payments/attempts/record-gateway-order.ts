// ZaloPay's "created" answer (order_url, zp_trans_token, qr_code) stored on the order together with its
// 'gateway_created' ledger row, by one statement: one round trip instead of a transaction of four.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/create-db';
import { preparedPerDatabase } from '../../../db/prepared-per-database';
import { paymentEvents, paymentAttempts, type PaymentAttempt } from '../../../db/schema';

export interface GatewayOrder {
  orderId: string;
  orderUrl: string;
  zpTransToken: string;
  qrCode: string | null;
  now: Date;
}

/**
 * Built once per database and reused with new values (a drizzle prepared query). The links are stored
 * whatever the order's status (a callback may already have paid it); the ledger row is inserted from
 * the UPDATE's RETURNING, so it is written exactly when the order exists.
 */
const statementFor = preparedPerDatabase((db: Database) => {
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  const updated = db.$with('updated').as(
    db
      .update(paymentAttempts)
      .set({
        orderUrl: sql`${sql.placeholder('orderUrl')}`,
        zpTransToken: sql`${sql.placeholder('zpTransToken')}`,
        qrCode: sql`${sql.placeholder('qrCode')}`,
        updatedAt: now,
      })
      .where(eq(paymentAttempts.id, sql.placeholder('orderId')))
      .returning(),
  );
  // drizzle's insert-from-select wants every column of the table, defaults included: plain SQL is clearer.
  const recorded = db.$with('recorded', { id: sql<number>`id` }).as(sql`
    insert into ${paymentEvents} (order_id, kind, payload, created_at)
    select ${updated.id}, 'gateway_created', ${sql.placeholder('payload')}::jsonb, ${now}
    from ${updated}
    returning id`);
  // PostgreSQL runs every data-modifying WITH to completion, read or not.
  return db.with(updated, recorded).select().from(updated).prepare('record_gateway_order');
});

/** The order as it now stands, or undefined when there is no order with that id. */
export async function recordGatewayOrder(
  db: Database,
  answer: GatewayOrder,
): Promise<PaymentAttempt | undefined> {
  const [row] = await statementFor(db).execute({
    orderId: answer.orderId,
    orderUrl: answer.orderUrl,
    zpTransToken: answer.zpTransToken,
    qrCode: answer.qrCode,
    now: answer.now.toISOString(),
    payload: JSON.stringify({
      orderUrl: answer.orderUrl,
      zpTransToken: answer.zpTransToken,
      hasQrCode: answer.qrCode !== null,
    }),
  });
  return row;
}
