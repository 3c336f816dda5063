// Applies one input (a callback, a query answer, a gateway reply) to one order, in one transaction:
// lock the row, move it along the state machine if allowed, append the input to the ledger, write the
// fulfilment outbox row on the way to PAID; then announce the change. The loser of a race reads the winner.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { fulfilments, paymentEvents, paymentOrders, type PaymentOrder } from '../../db/schema';
import type { Logger } from '../logger';
import { canTransition, isLatePayment } from './payment-state-machine';
import type { PaymentStatus } from './payment-view';
import { announceStatusChange } from './status-notifications';

/** What happened to an order, as recorded in payment_events.kind. */
export type PaymentEventKind =
  | 'created'
  | 'gateway_created'
  | 'gateway_duplicate'
  | 'gateway_rejected'
  | 'gateway_unknown'
  | 'callback'
  | 'query'
  | 'query_unknown'
  | 'redirect_seen';

export interface PaymentInput {
  kind: PaymentEventKind;
  /** Unique across the ledger: a second input with the same key is recognised as a repeat. */
  dedupeKey?: string;
  payload: Record<string, unknown>;
}

/** The change an input asks for; the state machine decides whether it happens. */
export type RequestedChange =
  | { to: 'PAID'; zpTransId: string; paidAt: Date; via: 'callback' | 'query' }
  | { to: 'FAILED' | 'EXPIRED'; reason: string }
  | { to: 'FLAG_AMOUNT_MISMATCH' }
  | { to: 'NOTHING' };

export type TransitionEffect =
  `${PaymentStatus}->${PaymentStatus}` | 'amount_mismatch_flagged' | 'none';

export interface TransitionResult {
  /** The order after the transaction: the winner's result when another input got there first. */
  order: PaymentOrder;
  effect: TransitionEffect;
  /** The ledger already held this input's dedupe key: a repeated delivery. */
  repeatedInput: boolean;
}

/** Hears about every input once its transaction has committed (metrics, server/ops); must not throw. */
export type PaymentInputObserver = (input: PaymentInput, result: TransitionResult) => void;

export interface TransitionDeps {
  db: Database;
  log: Logger;
  now: () => Date;
  onInputApplied?: PaymentInputObserver | undefined;
}

export async function applyPaymentInput(
  deps: TransitionDeps,
  orderId: string,
  input: PaymentInput,
  change: RequestedChange,
): Promise<TransitionResult> {
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(paymentOrders)
      .where(eq(paymentOrders.id, orderId))
      .for('update');
    if (!current) throw new Error(`No payment order with id ${orderId}`);

    let updated: PaymentOrder | undefined;
    let effect: TransitionEffect = 'none';
    const onlyFrom = and(eq(paymentOrders.id, orderId), eq(paymentOrders.status, current.status));

    if (change.to === 'PAID' && canTransition(current.status, 'PAID')) {
      [updated] = await tx
        .update(paymentOrders)
        .set({
          status: 'PAID',
          zpTransId: change.zpTransId,
          paidAt: change.paidAt,
          paidVia: change.via,
          lateFlag: isLatePayment(current.status),
          failureReason: null,
          updatedAt: now,
        })
        .where(onlyFrom)
        .returning();
    } else if (
      (change.to === 'FAILED' || change.to === 'EXPIRED') &&
      canTransition(current.status, change.to)
    ) {
      [updated] = await tx
        .update(paymentOrders)
        .set({ status: change.to, failureReason: change.reason, updatedAt: now })
        .where(onlyFrom)
        .returning();
    } else if (change.to === 'FLAG_AMOUNT_MISMATCH') {
      [updated] = await tx
        .update(paymentOrders)
        .set({ amountMismatchFlag: true, updatedAt: now })
        .where(eq(paymentOrders.id, orderId))
        .returning();
      effect = 'amount_mismatch_flagged';
    }

    if (updated && updated.status !== current.status) {
      effect = `${current.status}->${updated.status}`;
    }

    const recorded = await tx
      .insert(paymentEvents)
      .values({
        orderId,
        kind: input.kind,
        dedupeKey: input.dedupeKey ?? null,
        payload: { ...input.payload, effect },
        createdAt: now,
      })
      .onConflictDoNothing({ target: paymentEvents.dedupeKey })
      .returning({ id: paymentEvents.id });

    const order = updated ?? current;
    if (order.status === 'PAID' && current.status !== 'PAID') {
      await tx
        .insert(fulfilments)
        .values({ orderId, idempotencyKey: order.appTransId, nextAttemptAt: now, createdAt: now })
        .onConflictDoNothing({ target: fulfilments.orderId });
    }
    return { order, effect, repeatedInput: recorded.length === 0 };
  });

  reportAppliedInput(deps, input, result);
  return result;
}

/** After an input's transaction has committed: the observer, the announcement, the log line and the late-payment alert. */
export function reportAppliedInput(
  deps: Pick<TransitionDeps, 'db' | 'log' | 'onInputApplied'>,
  input: PaymentInput,
  result: TransitionResult,
): void {
  deps.onInputApplied?.(input, result);
  if (result.effect !== 'none' && result.effect !== 'amount_mismatch_flagged') {
    announceStatusChange(deps, result.order.appTransId);
  }
  if (result.effect !== 'none') {
    deps.log.info(
      { appTransId: result.order.appTransId, input: input.kind, effect: result.effect },
      'payment order changed',
    );
  }
  if (
    result.order.lateFlag &&
    (result.effect === 'FAILED->PAID' || result.effect === 'EXPIRED->PAID')
  ) {
    deps.log.error(
      { alert: 'late_payment', appTransId: result.order.appTransId, effect: result.effect },
      'Payment arrived for an order we had closed: recorded as PAID (late), please review',
    );
  }
}
