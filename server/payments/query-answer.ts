// Turns one /v2/query answer into the change it justifies, for getStatus, create's "-68 duplicate" path
// and the poller alike. Only a final answer closes an order: "not paid yet" becomes EXPIRED only on the
// final query after expires_at + grace, and an answer we cannot read never becomes FAILED.
import type { PaymentOrder } from '../../db/schema';
import type { QueryOrderOutcome } from '../zalopay';
import {
  applyPaymentInput,
  type RequestedChange,
  type TransitionDeps,
  type TransitionResult,
} from './order-transitions';

export type QuerySource = 'create' | 'status' | 'poller' | 'reconciliation';

export const EXPIRED_REASON = 'The time to pay ran out. Please start a new payment.';

/** Whether a query at `now` is the order's final one: expires_at plus the grace period has passed. */
export function isFinalQueryTime(order: PaymentOrder, now: Date, expiryGraceMs: number): boolean {
  return now.getTime() >= order.expiresAt.getTime() + expiryGraceMs;
}

export async function applyQueryAnswer(
  deps: TransitionDeps,
  order: PaymentOrder,
  outcome: QueryOrderOutcome,
  context: { source: QuerySource; finalQuery: boolean },
): Promise<TransitionResult> {
  const change = changeFromQueryAnswer(order, outcome, context.finalQuery);
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
  order: PaymentOrder,
  outcome: QueryOrderOutcome,
  finalQuery: boolean,
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
    case 'pending':
    case 'not_found':
      return finalQuery ? { to: 'EXPIRED', reason: EXPIRED_REASON } : { to: 'NOTHING' };
    case 'failed':
      if (outcome.unexpectedReturnCode !== undefined) return { to: 'NOTHING' };
      return {
        to: 'FAILED',
        reason: `ZaloPay could not complete the payment (${outcome.subReturnCode}${outcome.message ? `: ${outcome.message}` : ''}). Please start a new payment.`,
      };
  }
}
