// Paying a merchant order: one live attempt at a time. Asking again while an attempt is payable returns
// that attempt (same app_trans_id, same order_url); attempt n+1 is made after it expired or failed, in
// its last minute (a new QR code with time to scan), or when its create came back without a link.
// Concurrent asks (two tabs, a double click, two instances) are settled by the compare-and-swap of
// claim-next-attempt.ts: one makes the attempt, the others read it and return it. A live attempt that is
// replaced is cancelled at ZaloPay first (cancel-attempt.ts): if that finds it paid, the order is paid by it
// and no new attempt is made; if the answer is unknown, it stays watched and the new attempt is made.
import type { PaymentAttempt } from '../../../db/schema';
import { cancelAttemptAtGateway } from '../attempts/cancel-attempt';
import {
  claimNextAttempt,
  createCameBackWithoutLink,
  readMerchantOrderForPayment,
} from '../attempts/claim-next-attempt';
import {
  isLiveAttempt,
  newAttemptOf,
  resumeAttempt,
  submitToGateway,
  type AttemptDeps,
} from '../attempts/submit-attempt';
import { OrderExpiredError, OrderNotFoundError, OrderNotPayableError } from '../errors';
import type { PaymentView } from '../status/payment-view';

/** A lost swap means another ask made the attempt: the next read returns it. More losses: real contention. */
const MAX_TRIES = 5;

/** In its last minute a live attempt is replaced when asked: the shopper wants a QR code with time to scan. */
export const RENEW_IN_LAST_MS = 60_000;

/**
 * Whether asking to pay returns this attempt. Not in its last minute; and not when its create came back
 * without a link (a timeout, or a -68 whose query found it still unpaid): nobody holds its order_url,
 * so nobody can pay it, and resending the same app_trans_id would only get -68 again. Without a link
 * and without such an answer, its create is still in flight: the same request is sent again.
 */
async function returnsThisAttempt(
  deps: AttemptDeps,
  attempt: PaymentAttempt,
  now: Date,
): Promise<boolean> {
  if (!isLiveAttempt(attempt, now)) return false;
  if (attempt.expiresAt.getTime() - now.getTime() <= RENEW_IN_LAST_MS) return false;
  return attempt.orderUrl !== null || !(await createCameBackWithoutLink(deps.db, attempt.id));
}

export async function payMerchantOrder(deps: AttemptDeps, orderId: string): Promise<PaymentView> {
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    const found = await readMerchantOrderForPayment(deps.db, orderId);
    if (!found) throw new OrderNotFoundError(orderId);
    const { order, latest } = found;
    if (order.status !== 'AWAITING_PAYMENT') throw new OrderNotPayableError(orderId, order.status);
    if (latest && (await returnsThisAttempt(deps, latest, deps.now()))) {
      return resumeAttempt(deps, latest);
    }
    // A merchant API order's expires_at ends new attempts; one made before it may still be paid.
    if (order.expiresAt && deps.now() >= order.expiresAt) throw new OrderExpiredError(orderId);
    if (latest?.status === 'PENDING') {
      const replaced = await cancelAttemptAtGateway(deps, latest, 'replaced');
      // Paid after all: the next read finds the order paid and says so (no new attempt).
      if (replaced === 'paid') continue;
    }

    const next = newAttemptOf(deps, order, order.attempts + 1);
    const created = await claimNextAttempt(deps.db, next, order.attempts);
    if (created) return submitToGateway(deps, created);
  }
  throw new Error(
    `Order ${orderId}: ${MAX_TRIES} asks in a row lost the race for the next attempt`,
  );
}
