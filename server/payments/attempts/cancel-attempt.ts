// Cancels one PENDING payment attempt at ZaloPay (POST /v2/cancel) before it is replaced or its merchant
// order withdrawn, so its order_url can no longer be paid. The answer goes to the ledger ('cancel') and
// decides the attempt's fate: cancelled -> FAILED; already paid -> query it and record the payment;
// unknown -> it stays PENDING, watched by the poller (and a payment that still comes is refunded).
import type { PaymentAttempt } from '../../../db/schema';
import { ZaloPayError, type CancelOrderOutcome } from '../../zalopay';
import { createCameBackWithoutLink } from './claim-next-attempt';
import type { AttemptDeps } from './submit-attempt';
import { applyPaymentInput } from './attempt-transitions';
import { applyQueryAnswer, NEVER_CREATED_REASON } from '../polling/query-answer';

/** Why an attempt is cancelled: a newer attempt replaces it, or its merchant order is withdrawn. */
export type CancelPurpose = 'replaced' | 'order_cancelled';

/** What became of the attempt: it can no longer be paid, it is paid, or nobody knows yet. */
export type AttemptCancelResult = 'closed' | 'paid' | 'uncertain';

const CLOSED_REASON: Record<CancelPurpose, string> = {
  replaced: 'Replaced by a newer payment of the same order (cancelled at ZaloPay).',
  order_cancelled: 'The order was cancelled (cancelled at ZaloPay).',
};

export async function cancelAttemptAtGateway(
  deps: AttemptDeps,
  attempt: PaymentAttempt,
  purpose: CancelPurpose,
): Promise<AttemptCancelResult> {
  if (attempt.status === 'PAID') return 'paid';
  if (attempt.status !== 'PENDING') return 'closed';
  const outcome = await deps.zalopay.cancelOrder(attempt.appTransId);
  const input = { kind: 'cancel' as const, payload: { purpose, outcome } };
  switch (outcome.kind) {
    case 'cancelled': {
      const result = await applyPaymentInput(deps, attempt.id, input, {
        to: 'FAILED',
        reason: CLOSED_REASON[purpose],
      });
      return result.order.status === 'PAID' ? 'paid' : 'closed';
    }
    case 'unknown_order':
      // Only an attempt whose create came back without a link can be unknown to ZaloPay for good; one
      // with a link, or whose create is still in flight, may yet be payable.
      if (attempt.orderUrl === null && (await createCameBackWithoutLink(deps.db, attempt.id))) {
        const result = await applyPaymentInput(deps, attempt.id, input, {
          to: 'FAILED',
          reason: NEVER_CREATED_REASON,
          lateChecks: false,
        });
        return result.order.status === 'PAID' ? 'paid' : 'closed';
      }
      await applyPaymentInput(deps, attempt.id, input, { to: 'NOTHING' });
      return 'uncertain';
    case 'already_paid':
      await applyPaymentInput(deps, attempt.id, input, { to: 'NOTHING' });
      return recordPaymentFound(deps, attempt, outcome);
    case 'unknown':
      deps.log.warn(
        { appTransId: attempt.appTransId, outcome },
        'ZaloPay cancel gave no usable answer; the attempt stays PENDING and watched',
      );
      await applyPaymentInput(deps, attempt.id, input, { to: 'NOTHING' });
      return 'uncertain';
  }
}

/** "Already paid": the payment itself (zp_trans_id, amount) comes from a query, applied like the poller's. */
async function recordPaymentFound(
  deps: AttemptDeps,
  attempt: PaymentAttempt,
  cancel: CancelOrderOutcome,
): Promise<AttemptCancelResult> {
  try {
    const outcome = await deps.zalopay.queryOrder(attempt.appTransId);
    const result = await applyQueryAnswer(deps, attempt, outcome, {
      source: 'cancel',
      finalQuery: false,
    });
    return result.order.status === 'PAID' ? 'paid' : 'uncertain';
  } catch (error) {
    if (!(error instanceof ZaloPayError)) throw error;
    deps.log.warn(
      { err: error, appTransId: attempt.appTransId, cancel },
      'ZaloPay says the attempt is paid, but the query for its payment failed; the poller will find it',
    );
    return 'uncertain';
  }
}
