// Attempt n+1 of a merchant order in one statement, with a compare-and-swap on the order's attempt
// counter: the counter moves from the value the caller read to the next one (only while the order
// awaits payment), and the attempt and its 'created' ledger row are written from that move. When a
// concurrent ask got there first, the swap finds another counter and nothing is written: the caller
// reads again and finds that ask's attempt. Two round trips in all, where a locking transaction took seven.
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { preparedPerDatabase } from '../../db/prepared-per-database';
import {
  paymentEvents,
  paymentOrders,
  shopOrders,
  type PaymentOrder,
  type ShopOrder,
} from '../../db/schema';
import type { NewAttempt } from './record-new-attempt';

/** The order with its latest attempt (the one numbered like the order's counter), in one read. */
const readStatementFor = preparedPerDatabase((db: Database) =>
  db
    .select({ order: shopOrders, latest: paymentOrders })
    .from(shopOrders)
    .leftJoin(
      paymentOrders,
      and(
        eq(paymentOrders.shopOrderId, shopOrders.id),
        eq(paymentOrders.attempt, shopOrders.attempts),
      ),
    )
    .where(eq(shopOrders.id, sql.placeholder('orderId')))
    .prepare('read_shop_order_for_payment'),
);

export async function readShopOrderForPayment(
  db: Database,
  orderId: string,
): Promise<{ order: ShopOrder; latest: PaymentOrder | null } | undefined> {
  const [row] = await readStatementFor(db).execute({ orderId });
  return row;
}

const claimStatementFor = preparedPerDatabase((db: Database) => {
  const time = (name: string) => sql`${sql.placeholder(name)}::timestamptz`;
  const now = time('now');
  const bumped = db.$with('bumped').as(
    db
      .update(shopOrders)
      .set({ attempts: sql`${shopOrders.attempts} + 1`, updatedAt: now })
      .where(
        and(
          eq(shopOrders.id, sql.placeholder('shopOrderId')),
          eq(shopOrders.status, 'AWAITING_PAYMENT'),
          eq(shopOrders.attempts, sql.placeholder('seenAttempts')),
        ),
      )
      .returning({ id: shopOrders.id, attempts: shopOrders.attempts }),
  );
  // drizzle's insert-from-select wants every column of the table, defaults included: plain SQL is clearer.
  const inserted = db.$with('inserted', getTableColumns(paymentOrders)).as(sql`
    insert into ${paymentOrders} (app_trans_id, shop_order_id, attempt, app_id, app_user, amount, description,
      item, embed_data, app_time, expires_at, next_poll_at, created_at, updated_at)
    select ${sql.placeholder('appTransId')}, ${bumped.id}, ${bumped.attempts}, ${sql.placeholder('appId')},
      ${sql.placeholder('appUser')}, ${sql.placeholder('amount')}, ${sql.placeholder('description')},
      ${sql.placeholder('item')}, ${sql.placeholder('embedData')}, ${sql.placeholder('appTime')},
      ${time('expiresAt')}, ${time('nextPollAt')}, ${now}, ${now}
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
): Promise<PaymentOrder | undefined> {
  const [row] = await claimStatementFor(db).execute({
    shopOrderId: attempt.shopOrderId,
    seenAttempts,
    attempt: attempt.attempt,
    appTransId: attempt.appTransId,
    appId: attempt.appId,
    appUser: attempt.appUser,
    amount: attempt.amount,
    description: attempt.description,
    item: attempt.item,
    embedData: attempt.embedData,
    appTime: attempt.appTime,
    expiresAt: attempt.expiresAt.toISOString(),
    nextPollAt: attempt.nextPollAt.toISOString(),
    now: attempt.now.toISOString(),
    payload: JSON.stringify({
      shopOrderId: attempt.shopOrderId,
      attempt: attempt.attempt,
      amount: attempt.amount,
      appTime: attempt.appTime,
      expiresAt: attempt.expiresAt.toISOString(),
    }),
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
