// Moves one refund along its state machine, in one transaction: a conditional update from the state it
// was read in (the loser of a race changes nothing), the ledger row of the step, and on SUCCEEDED the
// merchant order's refunded total. Then tells the metrics.
import { and, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/create-db';
import { paymentEvents, refunds, type LedgerKind, type Refund } from '../../db/schema';
import { recordRefundOnMerchantOrder } from './merchant-order-refund';
import { canMoveRefund, isSettled, type RefundState } from './refund-state-machine';

/** The ledger kinds refunds write into payment_events. */
export type RefundEventKind = Extract<LedgerKind, `refund_${string}`>;

/** What an answer from ZaloPay asks of a refund; the state machine decides whether it happens. */
export interface RefundChange {
  to: RefundState;
  fields?: Partial<Pick<Refund, 'zpRefundId' | 'failureReason'>>;
}

export interface RefundTransitionDeps {
  db: Database;
  now: () => Date;
  /** Told each time a refund reaches a state (metrics). */
  onRefundState?: ((state: RefundState) => void) | undefined;
}

/** Appends a refund step to its order's ledger, with the refund's m_refund_id and amount. */
export async function recordRefundEvent(
  tx: Transaction | Database,
  at: Date,
  refund: Refund,
  kind: RefundEventKind,
  payload: Record<string, unknown>,
): Promise<void> {
  await tx.insert(paymentEvents).values({
    orderId: refund.orderId,
    kind,
    payload: { mRefundId: refund.mRefundId, amount: refund.amount, ...payload },
    createdAt: at,
  });
}

/**
 * Applies `change` (null: only the ledger row) to a refund as it was read, writes the ledger row of
 * `kind` with the effect, and resolves with the refund as it now is. A move the state table does not
 * allow, or one another instance made first, changes nothing and is recorded with effect 'none'.
 */
export async function moveRefund(
  deps: RefundTransitionDeps,
  refund: Refund,
  change: RefundChange | null,
  kind: RefundEventKind,
  payload: Record<string, unknown>,
): Promise<Refund> {
  const { now } = deps;
  const moved = await deps.db.transaction(async (tx) => {
    let updated: Refund | undefined;
    const newState = change !== null && change.to !== refund.state;
    if (newState && canMoveRefund(refund.state, change.to)) {
      [updated] = await tx
        .update(refunds)
        .set({
          state: change.to,
          ...change.fields,
          ...(isSettled(change.to) ? { settledAt: now() } : {}),
          updatedAt: now(),
        })
        .where(and(eq(refunds.id, refund.id), eq(refunds.state, refund.state)))
        .returning();
    } else if (!newState && change?.fields) {
      // The same state with news (ZaloPay's refund id on a repeated 'processing'): no transition.
      [updated] = await tx
        .update(refunds)
        .set({ ...change.fields, updatedAt: now() })
        .where(eq(refunds.id, refund.id))
        .returning();
    }
    if (updated?.state === 'SUCCEEDED' && refund.state !== 'SUCCEEDED') {
      await recordRefundOnMerchantOrder(tx, updated, now());
    }
    const effect =
      updated && updated.state !== refund.state ? `${refund.state}->${updated.state}` : 'none';
    await recordRefundEvent(tx, now(), refund, kind, { ...payload, effect });
    return updated ?? refund;
  });
  if (moved.state !== refund.state) deps.onRefundState?.(moved.state);
  return moved;
}
