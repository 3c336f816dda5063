// A new order and its 'created' ledger row, written by one statement: one round trip to the database
// before ZaloPay is asked for the order (design.md §2.1), instead of a transaction of four.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { preparedPerDatabase } from '../../db/prepared-per-database';
import { paymentEvents, paymentOrders, type PaymentOrder } from '../../db/schema';

export interface NewOrder {
  appTransId: string;
  appId: number;
  appUser: string;
  amount: number;
  description: string;
  /** The exact strings that are signed and sent, so a resubmission signs the same bytes. */
  item: string;
  embedData: string;
  appTime: number;
  idempotencyKey: string | null;
  expiresAt: Date;
  nextPollAt: Date;
  now: Date;
}

/**
 * The statement is built once per database and reused with new values (a drizzle prepared query).
 * The ledger row is inserted from the order's RETURNING, so it exists exactly when the order does:
 * when the idempotency key is already taken, neither row is written.
 */
const statementFor = preparedPerDatabase((db: Database) => {
  const time = (name: string) => sql`${sql.placeholder(name)}::timestamptz`;
  const now = time('now');
  const inserted = db.$with('inserted').as(
    db
      .insert(paymentOrders)
      .values({
        appTransId: sql.placeholder('appTransId'),
        appId: sql.placeholder('appId'),
        appUser: sql.placeholder('appUser'),
        amount: sql.placeholder('amount'),
        description: sql.placeholder('description'),
        item: sql.placeholder('item'),
        embedData: sql.placeholder('embedData'),
        appTime: sql.placeholder('appTime'),
        idempotencyKey: sql.placeholder('idempotencyKey'),
        expiresAt: time('expiresAt'),
        nextPollAt: time('nextPollAt'),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: paymentOrders.idempotencyKey })
      .returning(),
  );
  // drizzle's insert-from-select wants every column of the table, defaults included: plain SQL is clearer.
  const recorded = db.$with('recorded', { id: sql<number>`id` }).as(sql`
    insert into ${paymentEvents} (order_id, kind, payload, created_at)
    select ${inserted.id}, 'created', ${sql.placeholder('payload')}::jsonb, ${now}
    from ${inserted}
    returning id`);
  // PostgreSQL runs every data-modifying WITH to completion, read or not.
  return db.with(inserted, recorded).select().from(inserted).prepare('record_new_order');
});

/** The stored order, or undefined when its idempotency key is already taken (nothing is written then). */
export async function recordNewOrder(
  db: Database,
  order: NewOrder,
): Promise<PaymentOrder | undefined> {
  const expiresAt = order.expiresAt.toISOString();
  const [row] = await statementFor(db).execute({
    appTransId: order.appTransId,
    appId: order.appId,
    appUser: order.appUser,
    amount: order.amount,
    description: order.description,
    item: order.item,
    embedData: order.embedData,
    appTime: order.appTime,
    idempotencyKey: order.idempotencyKey,
    expiresAt,
    nextPollAt: order.nextPollAt.toISOString(),
    now: order.now.toISOString(),
    payload: JSON.stringify({ amount: order.amount, appTime: order.appTime, expiresAt }),
  });
  return row;
}
