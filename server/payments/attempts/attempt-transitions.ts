// Applies one input (a callback, a query answer, a gateway reply) to one payment attempt, in one
// transaction: lock the row, move it along the state machine if allowed, append the input to the ledger,
// and on the way to PAID settle its merchant order (fulfilment, or the refund of a second payment); then
// announce the change. The loser of a race reads the winner.
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/create-db';
import { paymentEvents, paymentAttempts, type PaymentAttempt } from '../../../db/schema';
import type { Logger } from '../../logger';
import type { PaymentsEventSink } from '../domain-events';
import { settlementCtes } from '../merchant-orders/merchant-order-settlement';
import { recordWebhookEvent, type NewWebhookEvent } from '../outbox/webhook-events';
import { nextLateCheckAt } from '../polling/late-payment-checks';
import { paidUpdate } from './paid-update';
import { canTransition } from './payment-state-machine';
import { announceStatusChange } from '../status/status-notifications';
import type { PaymentInput, TransitionEffect, TransitionResult } from './attempt-input';

/** The change an input asks for; the state machine decides whether it happens. */
export type RequestedChange =
  | {
      to: 'PAID';
      zpTransId: string;
      paidAt: Date;
      via: 'callback' | 'query';
      /** The callback's `channel` (how the shopper paid); a query answer does not say. */
      channel?: number | undefined;
    }
  | {
      to: 'FAILED' | 'EXPIRED';
      reason: string;
      /**
       * false: ZaloPay never had this order, so it is not queried again for a late payment
       * (late-payment-checks.ts); every other closed attempt is.
       */
      lateChecks?: false;
    }
  | {
      to: 'FLAG_AMOUNT_MISMATCH';
      /** What ZaloPay reported, for the order.payment_flagged webhook. */
      received?: { appId: number; amount: number; zpTransId?: string | undefined } | undefined;
    }
  | { to: 'NOTHING' };

export interface TransitionDeps {
  db: Database;
  log: Logger;
  now: () => Date;
  /** Told of every input once its transaction has committed (input_applied: metrics and logs). */
  events?: PaymentsEventSink | undefined;
  /** When a closed attempt is first checked for a late payment (late-payment-checks.ts's default). */
  lateCheckDelaysMs?: readonly number[] | undefined;
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
      .from(paymentAttempts)
      .where(eq(paymentAttempts.id, orderId))
      .for('update');
    if (!current) throw new Error(`No payment order with id ${orderId}`);

    let updated: PaymentAttempt | undefined;
    let effect: TransitionEffect = 'none';
    const onlyFrom = and(
      eq(paymentAttempts.id, orderId),
      eq(paymentAttempts.status, current.status),
    );

    if (change.to === 'PAID' && canTransition(current.status, 'PAID')) {
      [updated] = await tx
        .update(paymentAttempts)
        .set(
          paidUpdate({
            from: current.status,
            zpTransId: change.zpTransId,
            paidAt: change.paidAt,
            via: change.via,
            channel: change.channel ?? null,
            now,
          }),
        )
        .where(onlyFrom)
        .returning();
    } else if (
      (change.to === 'FAILED' || change.to === 'EXPIRED') &&
      canTransition(current.status, change.to)
    ) {
      [updated] = await tx
        .update(paymentAttempts)
        .set({
          status: change.to,
          failureReason: change.reason,
          nextLateCheckAt:
            change.lateChecks === false
              ? null
              : nextLateCheckAt(current.appTime, now, 0, deps.lateCheckDelaysMs),
          updatedAt: now,
        })
        .where(onlyFrom)
        .returning();
    } else if (change.to === 'FLAG_AMOUNT_MISMATCH') {
      [updated] = await tx
        .update(paymentAttempts)
        .set({ amountMismatchFlag: true, updatedAt: now })
        .where(eq(paymentAttempts.id, orderId))
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
    const repeatedInput = recorded.length === 0;
    const extraPaymentRefund =
      order.status === 'PAID' && current.status !== 'PAID'
        ? await settleMerchantOrder(tx, order, now)
        : null;
    const flag = repeatedInput ? undefined : flagOf(effect, order, change);
    if (flag) await recordWebhookEvent(tx, { ...flag, shopOrderId: order.shopOrderId, now });
    return { order, effect, repeatedInput, extraPaymentRefund };
  });

  reportAppliedInput(deps, input, result);
  return result;
}

const LATE_EFFECTS: ReadonlySet<TransitionEffect> = new Set(['FAILED->PAID', 'EXPIRED->PAID']);

/** The order.payment_flagged webhook an input calls for (the double payment's is written by the settlement). */
function flagOf(
  effect: TransitionEffect,
  order: PaymentAttempt,
  change: RequestedChange,
): Omit<NewWebhookEvent, 'shopOrderId' | 'now'> | undefined {
  const about = { order_id: order.shopOrderId, app_trans_id: order.appTransId };
  if (effect === 'amount_mismatch_flagged' && change.to === 'FLAG_AMOUNT_MISMATCH') {
    return {
      type: 'order.payment_flagged',
      data: {
        ...about,
        reason: 'amount_mismatch',
        expected_amount: order.amount,
        received_amount: change.received?.amount ?? null,
        received_app_id: change.received?.appId ?? null,
        zp_trans_id: change.received?.zpTransId ?? null,
      },
    };
  }
  if (LATE_EFFECTS.has(effect)) {
    return {
      type: 'order.payment_flagged',
      data: {
        ...about,
        reason: 'late_payment',
        amount: order.amount,
        zp_trans_id: order.zpTransId,
        paid_at: order.paidAt?.toISOString() ?? null,
      },
    };
  }
  return undefined;
}

/** The merchant-order side of a payment (merchant-order-settlement.ts); the automatic refund's id, if any. */
async function settleMerchantOrder(
  tx: Transaction,
  attempt: PaymentAttempt,
  now: Date,
): Promise<string | null> {
  const paid = tx
    .$with('paid')
    .as(tx.select().from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id)));
  const settlement = settlementCtes(tx, paid, {
    now: sql`${now.toISOString()}::timestamptz`,
    nowMs: sql`${now.getTime()}::bigint`,
  });
  const [row] = await tx
    .with(paid, ...settlement.ctes)
    .select({ doubleRefundId: settlement.doubleRefundId })
    .from(paid);
  return row?.doubleRefundId ?? null;
}

/** After an input's transaction has committed: the input_applied event, the announcement and the alerts. */
export function reportAppliedInput(
  deps: Pick<TransitionDeps, 'db' | 'log' | 'events'>,
  input: PaymentInput,
  result: TransitionResult,
): void {
  deps.events?.emit({ type: 'input_applied', input, result });
  if (result.effect !== 'none' && result.effect !== 'amount_mismatch_flagged') {
    announceStatusChange(deps, result.order.appTransId);
  }
  if (result.extraPaymentRefund) {
    deps.log.error(
      {
        alert: 'extra_payment_refunded',
        appTransId: result.order.appTransId,
        shopOrderId: result.order.shopOrderId,
        zpTransId: result.order.zpTransId,
        mRefundId: result.extraPaymentRefund,
        amount: result.order.amount,
      },
      'A second payment arrived for a merchant order already paid: it is being refunded automatically',
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
