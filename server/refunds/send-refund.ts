// Sends one refund to ZaloPay's /v2/refund (docs/zalopay-protocol.md §7) and records the answer. The
// request carries the refund's own m_refund_id and signed timestamp, so a resend is the same request and
// ZaloPay cannot refund twice.
import type { Refund } from '../../db/schema';
import type { Logger } from '../logger';
import { ZaloPayError, type RefundOutcome, type ZaloPayClient } from '../zalopay';
import { moveRefund, type RefundChange, type RefundTransitionDeps } from './refund-transitions';

export interface SendRefundDeps extends RefundTransitionDeps {
  zalopay: ZaloPayClient;
  log: Logger;
}

/** What ZaloPay's answer to /v2/refund means for the refund. */
export function changeFromRefundAnswer(outcome: RefundOutcome): RefundChange {
  switch (outcome.kind) {
    case 'refunded':
      return { to: 'SUCCEEDED', fields: { zpRefundId: outcome.refundId } };
    case 'processing':
      return { to: 'PROCESSING', fields: { zpRefundId: outcome.refundId } };
    case 'duplicate':
      // ZaloPay already has this m_refund_id (an earlier attempt of ours got through): settle by query.
      return { to: 'PROCESSING' };
    case 'rejected':
      return {
        to: 'FAILED',
        fields: {
          failureReason: `ZaloPay refused the refund (${outcome.returnCode}/${outcome.subReturnCode}): ${outcome.message}`,
        },
      };
  }
}

/** Resolves with the refund after the answer; without a usable answer it stays as it is, for the settler. */
export async function sendRefund(
  deps: SendRefundDeps,
  refund: Refund,
  order: { appTransId: string; zpTransId: string },
): Promise<Refund> {
  const { appTransId } = order;
  try {
    const outcome = await deps.zalopay.refund({
      mRefundId: refund.mRefundId,
      zpTransId: order.zpTransId,
      amount: refund.amount,
      description: refund.description,
      timestamp: refund.requestedAtMs,
    });
    const moved = await moveRefund(deps, refund, changeFromRefundAnswer(outcome), 'refund_sent', {
      outcome,
    });
    deps.log.info(
      { appTransId, mRefundId: refund.mRefundId, outcome: outcome.kind, state: moved.state },
      'refund sent to ZaloPay',
    );
    return moved;
  } catch (error) {
    if (!(error instanceof ZaloPayError)) throw error;
    // ZaloPay may or may not have it: the settler asks query_refund and resends if it does not.
    deps.log.warn(
      { err: error, appTransId, mRefundId: refund.mRefundId },
      'refund got no usable answer; it will be checked with query_refund',
    );
    return moveRefund(deps, refund, null, 'refund_send_unknown', {
      error: error.name,
      message: error.message,
    });
  }
}
