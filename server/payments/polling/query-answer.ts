// Turns one /v2/query answer into the change it justifies, for getStatus, create's "-68 duplicate" path
// and the poller alike. Only a final answer closes an order: "not paid yet" becomes EXPIRED only on the
// final query after expires_at + grace, and an answer we cannot read never becomes FAILED.
import type { PaymentAttempt } from '../../../db/schema';
import type { QueryOrderOutcome } from '../../zalopay';
import {
  applyPaymentInput,
  type RequestedChange,
  type TransitionDeps,
} from '../attempts/attempt-transitions';
import type { TransitionResult } from '../attempts/attempt-input';

export type QuerySource =
  'create' | 'status' | 'poller' | 'reconciliation' | 'cancel' | 'late_check';

export const EXPIRED_REASON = 'The time to pay ran out. Please start a new payment.';
export const NEVER_CREATED_REASON =
  'ZaloPay never received this payment, so it cannot be paid. Please start a new payment.';

export interface QueryContext {
  source: QuerySource;
  finalQuery: boolean;
  /**
   * The poller's: CREATE_NOT_FOUND_CLOSE_MS have passed since the attempt's app_time. An attempt ZaloPay
   * then still does not know, and for which it never gave us a link, is closed as FAILED: its create
   * never arrived, and ZaloPay refuses an app_time that old.
   */
  createWindowOver?: boolean | undefined;
}

/** Whether a query at `now` is the order's final one: expires_at plus the grace period has passed. */
export function isFinalQueryTime(order: PaymentAttempt, now: Date, expiryGraceMs: number): boolean {
  return now.getTime() >= order.expiresAt.getTime() + expiryGraceMs;
}

export async function applyQueryAnswer(
  deps: TransitionDeps,
  order: PaymentAttempt,
  outcome: QueryOrderOutcome,
  context: QueryContext,
): Promise<TransitionResult> {
  const change = changeFromQueryAnswer(order, outcome, context);
  if (change.to === 'FLAG_AMOUNT_MISMATCH') {
    deps.log.error(
      { alert: 'amount_mismatch', appTransId: order.appTransId, expected: order.amount, outcome },
      'ZaloPay reports a payment whose amount differs from the order: flagged for review',
    );
  }
  if (outcome.kind === 'failed' && outcome.unexpectedReturnCode !== undefined) {
    deps.log.error(
      { appTransId: order.appTransId, outcome },
      'ZaloPay answered a query with a return code we do not know: the order stays as it is',
    );
  }
  return applyPaymentInput(
    deps,
    order.id,
    { kind: 'query', payload: { source: context.source, finalQuery: context.finalQuery, outcome } },
    change,
  );
}

function changeFromQueryAnswer(
  order: PaymentAttempt,
  outcome: QueryOrderOutcome,
  { finalQuery, createWindowOver }: QueryContext,
): RequestedChange {
  switch (outcome.kind) {
    case 'paid':
      if (outcome.amount !== order.amount) {
        return {
          to: 'FLAG_AMOUNT_MISMATCH',
          received: { appId: order.appId, amount: outcome.amount, zpTransId: outcome.zpTransId },
        };
      }
      return {
        to: 'PAID',
        zpTransId: outcome.zpTransId,
        paidAt: new Date(outcome.serverTime),
        via: 'query',
      };
    case 'expired':
      return { to: 'EXPIRED', reason: EXPIRED_REASON };
    case 'not_found':
      if (order.orderUrl !== null) {
        return finalQuery ? { to: 'EXPIRED', reason: EXPIRED_REASON } : { to: 'NOTHING' };
      }
      if (finalQuery) return { to: 'EXPIRED', reason: EXPIRED_REASON, lateChecks: false };
      if (createWindowOver)
        return { to: 'FAILED', reason: NEVER_CREATED_REASON, lateChecks: false };
      return { to: 'NOTHING' };
    case 'pending':
      return finalQuery ? { to: 'EXPIRED', reason: EXPIRED_REASON } : { to: 'NOTHING' };
    case 'failed':
      if (outcome.unexpectedReturnCode !== undefined) return { to: 'NOTHING' };
      return {
        to: 'FAILED',
        reason: `ZaloPay could not complete the payment (${outcome.subReturnCode}${outcome.message ? `: ${outcome.message}` : ''}). Please start a new payment.`,
      };
  }
}
