// The common callback, in one statement: the first valid callback for a PENDING attempt with the right
// app and amount moves it to PAID with its ledger row, and settles its merchant order (the fulfilment
// outbox row, or the automatic refund of a second payment: merchant-order-settlement.ts). The columns it
// writes are paid-update.ts's, the same the general transition writes.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/create-db';
import { preparedPerDatabase } from '../../../db/prepared-per-database';
import { paymentEvents, paymentAttempts } from '../../../db/schema';
import { settlementCtes } from '../merchant-orders/merchant-order-settlement';
import type { TransitionResult } from '../attempts/attempt-input';
import { paidUpdate } from '../attempts/paid-update';
import { canTransition } from '../attempts/payment-state-machine';

export interface PendingOrderPayment {
  appTransId: string;
  appId: number;
  amount: number;
  zpTransId: string;
  paidAt: Date;
  /** The callback's `channel`: how the shopper paid. */
  channel: number;
  /** The ledger row's dedupe key: a second delivery of the same payment conflicts on it. */
  dedupeKey: string;
  /** The ledger row's payload; `effect` is added here. */
  payload: Record<string, unknown>;
  now: Date;
}

const EFFECT = 'PENDING->PAID' as const;
if (!canTransition('PENDING', 'PAID'))
  throw new Error('The state machine no longer allows PENDING->PAID');

/**
 * The statement is built once per database and reused with new values (a drizzle prepared query).
 * Its UPDATE matches only `status = 'PENDING'` and the order's own app_id and amount, so it can only
 * ever make the PENDING->PAID move: anything else (an unknown order, a wrong amount, a repeat, a late
 * payment, a lost race) updates no row, writes nothing, and is left to the general transition.
 */
const statementFor = preparedPerDatabase((db: Database) => {
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  const paid = db.$with('paid').as(
    db
      .update(paymentAttempts)
      .set(
        paidUpdate({
          from: 'PENDING',
          zpTransId: sql`${sql.placeholder('zpTransId')}`,
          paidAt: sql`${sql.placeholder('paidAt')}::timestamptz`,
          via: 'callback',
          channel: sql`${sql.placeholder('channel')}::int`,
          now,
        }),
      )
      .where(
        and(
          eq(paymentAttempts.appTransId, sql.placeholder('appTransId')),
          eq(paymentAttempts.appId, sql.placeholder('appId')),
          eq(paymentAttempts.amount, sql.placeholder('amount')),
          eq(paymentAttempts.status, 'PENDING'),
        ),
      )
      .returning(),
  );
  // drizzle's insert-from-select wants every column of the table, defaults included: plain SQL is clearer.
  const recorded = db.$with('recorded', { id: sql<number>`id` }).as(sql`
    insert into ${paymentEvents} (order_id, kind, dedupe_key, payload, created_at)
    select ${paid.id}, 'callback', ${sql.placeholder('dedupeKey')}, ${sql.placeholder('payload')}::jsonb, ${now}
    from ${paid}
    on conflict (dedupe_key) do nothing
    returning id`);
  const settlement = settlementCtes(db, paid, {
    now,
    nowMs: sql`${sql.placeholder('nowMs')}::bigint`,
  });
  return db
    .with(paid, recorded, ...settlement.ctes)
    .select({
      ...paid._.selectedFields,
      ledgerRows: sql<number>`(select count(*) from ${recorded})`.mapWith(Number),
      doubleRefundId: settlement.doubleRefundId,
    })
    .from(paid)
    .prepare('pay_pending_order_from_callback');
});

/** The transition's result, or undefined when the order was not a PENDING one this payment fits. */
export async function payPendingOrder(
  db: Database,
  payment: PendingOrderPayment,
): Promise<TransitionResult | undefined> {
  const [row] = await statementFor(db).execute({
    appTransId: payment.appTransId,
    appId: payment.appId,
    amount: payment.amount,
    zpTransId: payment.zpTransId,
    paidAt: payment.paidAt.toISOString(),
    channel: payment.channel,
    now: payment.now.toISOString(),
    nowMs: payment.now.getTime(),
    dedupeKey: payment.dedupeKey,
    payload: JSON.stringify({ ...payment.payload, effect: EFFECT }),
  });
  if (!row) return undefined;
  const { ledgerRows, doubleRefundId, ...order } = row;
  return {
    order,
    effect: EFFECT,
    repeatedInput: ledgerRows === 0,
    extraPaymentRefund: doubleRefundId,
  };
}
