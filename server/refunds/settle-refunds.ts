// Settles unsettled refunds by asking /v2/query_refund (docs/zalopay-protocol.md §7): claim the due ones,
// ask about each, and apply the answer: settle it, leave it for a later check, or send it again when
// ZaloPay never received it.
import { eq } from 'drizzle-orm';
import { paymentAttempts, type Refund } from '../../db/schema';
import { ZaloPayError, type QueryRefundOutcome } from '../zalopay';
import { claimDueRefunds } from './refund-leases';
import { moveRefund, recordRefundEvent, type RefundChange } from './refund-transitions';
import { sendRefund, type SendRefundDeps } from './send-refund';

export interface SettleRefundsDeps extends SendRefundDeps {
  /** The wait before a refund's first check; it doubles per check (refund-check-backoff.ts). */
  firstCheckDelayMs: number;
}

const SETTLE_BATCH_SIZE = 20;
/**
 * ZaloPay refuses a refund whose signed timestamp is more than 15 minutes old (-13). Past that, a
 * refund ZaloPay still has no record of can never be accepted any more: it is safe to call it FAILED.
 */
const REFUND_REQUEST_WINDOW_MS = 15 * 60_000;

/** What ZaloPay's answer to query_refund means for the refund: a change, a resend, or nothing (null). */
export function changeFromQueryAnswer(
  refund: Refund,
  outcome: QueryRefundOutcome,
  now: Date,
): RefundChange | 'resend' | null {
  switch (outcome.kind) {
    case 'refunded':
      return { to: 'SUCCEEDED' };
    case 'processing':
      return refund.state === 'PENDING' ? { to: 'PROCESSING' } : null;
    case 'failed':
      if (outcome.unexpectedReturnCode !== undefined) return null;
      return {
        to: 'FAILED',
        fields: {
          failureReason: `ZaloPay could not refund (${outcome.subReturnCode}): ${outcome.message}`,
        },
      };
    case 'not_found':
      if (now.getTime() - refund.requestedAtMs >= REFUND_REQUEST_WINDOW_MS) {
        return {
          to: 'FAILED',
          fields: { failureReason: 'ZaloPay never received this refund; nothing was refunded' },
        };
      }
      // Never sent (we stopped before sending) or lost on the way: send the same request again.
      return refund.state === 'PENDING' ? 'resend' : null;
  }
}

/** Asks query_refund about one claimed refund and applies the answer. */
async function checkRefund(deps: SettleRefundsDeps, refund: Refund): Promise<void> {
  const { log } = deps;
  const [order] = await deps.db
    .select({ appTransId: paymentAttempts.appTransId, zpTransId: paymentAttempts.zpTransId })
    .from(paymentAttempts)
    .where(eq(paymentAttempts.id, refund.orderId));
  const appTransId = order?.appTransId ?? 'unknown';
  let outcome: QueryRefundOutcome;
  try {
    outcome = await deps.zalopay.queryRefund(refund.mRefundId);
  } catch (error) {
    if (!(error instanceof ZaloPayError)) throw error;
    log.warn({ err: error, appTransId, mRefundId: refund.mRefundId }, 'query_refund failed');
    return;
  }
  if (outcome.kind === 'processing' && outcome.needsManualHandling) {
    log.error(
      { alert: 'refund_needs_zalopay', appTransId, mRefundId: refund.mRefundId },
      'ZaloPay reports this refund as pending manual handling: contact ZaloPay operations',
    );
  }
  if (outcome.kind === 'failed' && outcome.unexpectedReturnCode !== undefined) {
    log.error(
      { appTransId, mRefundId: refund.mRefundId, outcome },
      'query_refund answered a code we do not know: the refund stays as it is',
    );
  }
  const change = changeFromQueryAnswer(refund, outcome, deps.now());
  if (change === 'resend') {
    await recordRefundEvent(deps.db, deps.now(), refund, 'refund_query', {
      outcome,
      effect: 'resend',
    });
    if (order?.zpTransId)
      await sendRefund(deps, refund, { appTransId, zpTransId: order.zpTransId });
    return;
  }
  const moved = await moveRefund(deps, refund, change, 'refund_query', { outcome });
  if (moved.state !== refund.state) {
    log.info(
      { appTransId, mRefundId: refund.mRefundId, state: moved.state },
      'refund settled by query_refund',
    );
  }
}

/** Asks query_refund about every unsettled refund that is due; resolves with how many it checked. */
export async function settleDueRefunds(deps: SettleRefundsDeps): Promise<number> {
  const due = await claimDueRefunds(deps.db, {
    now: deps.now(),
    firstCheckDelayMs: deps.firstCheckDelayMs,
    limit: SETTLE_BATCH_SIZE,
  });
  for (const refund of due) {
    try {
      await checkRefund(deps, refund);
    } catch (error) {
      deps.log.error({ err: error, mRefundId: refund.mRefundId }, 'could not check a refund');
    }
  }
  return due.length;
}
