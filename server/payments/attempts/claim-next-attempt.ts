// Attempt n+1 of a merchant order in one statement, with a compare-and-swap on the order's attempt
// counter: the counter moves from the value the caller read to the next one (only while the order
// awaits payment), and the attempt and its 'created' ledger row are written from that move, with the
// columns and payload record-new-attempt.ts defines. When a
// concurrent ask got there first, the swap finds another counter and nothing is written: the caller
// reads again and finds that ask's attempt. Two round trips in all, where a locking transaction took seven.
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/create-db';
import { preparedPerDatabase } from '../../../db/prepared-per-database';
import {
  paymentEvents,
  paymentAttempts,
  merchantOrders,
  type PaymentAttempt,
  type MerchantOrder,
} from '../../../db/schema';
import {
  createdEventPayload,
  NEW_ATTEMPT_COLUMN_NAMES,
  newAttemptColumns,
  type NewAttempt,
  type NewAttemptColumns,
} from './record-new-attempt';

type NewAttemptColumnName = keyof NewAttemptColumns;

/** The order with its latest attempt (the one numbered like the order's counter), in one read. */
const readStatementFor = preparedPerDatabase((db: Database) =>
  db
    .select({ order: merchantOrders, latest: paymentAttempts })
    .from(merchantOrders)
    .leftJoin(
      paymentAttempts,
      and(
        eq(paymentAttempts.shopOrderId, merchantOrders.id),
        eq(paymentAttempts.attempt, merchantOrders.attempts),
      ),
    )
    .where(eq(merchantOrders.id, sql.placeholder('orderId')))
    .prepare('read_merchant_order_for_payment'),
);

export async function readMerchantOrderForPayment(
  db: Database,
  orderId: string,
): Promise<{ order: MerchantOrder; latest: PaymentAttempt | null } | undefined> {
  const [row] = await readStatementFor(db).execute({ orderId });
  return row;
}

const claimStatementFor = preparedPerDatabase((db: Database) => {
  const time = (name: string) => sql`${sql.placeholder(name)}::timestamptz`;
  const now = time('now');
  const bumped = db.$with('bumped').as(
    db
      .update(merchantOrders)
      .set({ attempts: sql`${merchantOrders.attempts} + 1`, updatedAt: now })
      .where(
        and(
          eq(merchantOrders.id, sql.placeholder('shopOrderId')),
          eq(merchantOrders.status, 'AWAITING_PAYMENT'),
          eq(merchantOrders.attempts, sql.placeholder('seenAttempts')),
        ),
      )
      .returning({ id: merchantOrders.id, attempts: merchantOrders.attempts }),
  );
  // drizzle's insert-from-select wants every column of the table, defaults included: the statement is
  // built from the one list of a new attempt's columns instead, the number and the order from the swap.
  const fromSwap: Partial<Record<NewAttemptColumnName, SQL>> = {
    shopOrderId: sql`${bumped.id}`,
    attempt: sql`${bumped.attempts}`,
  };
  const columns = sql.join(
    NEW_ATTEMPT_COLUMN_NAMES.map((key) => sql.identifier(paymentAttempts[key].name)),
    sql`, `,
  );
  const values = sql.join(
    NEW_ATTEMPT_COLUMN_NAMES.map(
      (key) =>
        fromSwap[key] ??
        sql`${sql.placeholder(key)}::${sql.raw(paymentAttempts[key].getSQLType())}`,
    ),
    sql`, `,
  );
  const inserted = db.$with('inserted', getTableColumns(paymentAttempts)).as(sql`
    insert into ${paymentAttempts} (${columns})
    select ${values}
    from ${bumped}
    where ${bumped.attempts} = ${sql.placeholder('attempt')}::int
    returning *`);
  const recorded = db.$with('recorded', { id: sql<number>`id` }).as(sql`
    insert into ${paymentEvents} (order_id, kind, payload, created_at)
    select ${inserted.id}, 'created', ${sql.placeholder('payload')}::jsonb, ${now} from ${inserted}
    returning id`);
  // PostgreSQL runs every data-modifying WITH to completion, read or not.
  return db.with(bumped, inserted, recorded).select().from(inserted).prepare('claim_next_attempt');
});

/**
 * Records `attempt` (whose number must be `seenAttempts + 1`) if the order's counter still reads
 * `seenAttempts` and the order awaits payment; undefined when another ask moved it first.
 */
export async function claimNextAttempt(
  db: Database,
  attempt: NewAttempt,
  seenAttempts: number,
): Promise<PaymentAttempt | undefined> {
  const columns = Object.fromEntries(
    Object.entries(newAttemptColumns(attempt)).map(([key, value]) => [
      key,
      value instanceof Date ? value.toISOString() : value,
    ]),
  );
  const [row] = await claimStatementFor(db).execute({
    ...columns,
    seenAttempts,
    now: attempt.now.toISOString(),
    payload: JSON.stringify(createdEventPayload(attempt)),
  });
  return row;
}

/** Whether ZaloPay's answer to the attempt's create was a timeout/outage or a -68 (ledger rows). */
export async function createCameBackWithoutLink(db: Database, attemptId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: paymentEvents.id })
    .from(paymentEvents)
    .where(
      and(
        eq(paymentEvents.orderId, attemptId),
        inArray(paymentEvents.kind, ['gateway_unknown', 'gateway_duplicate']),
      ),
    )
    .limit(1);
  return row !== undefined;
}
