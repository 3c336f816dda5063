// Paying a merchant order: one live attempt at a time. Asking again while an attempt is payable returns
// that attempt (same app_trans_id, same order_url); only after it expired or failed is attempt n+1 made.
// Concurrent asks (two tabs, a double click, two instances) are settled by the compare-and-swap of
// claim-next-attempt.ts: one makes the attempt, the others read it and return it.
import { claimNextAttempt, readShopOrderForPayment } from './claim-next-attempt';
import {
  isLiveAttempt,
  newAttemptOf,
  resumeAttempt,
  submitToGateway,
  type CreatePaymentDeps,
} from './create-payment';
import { OrderNotFoundError, OrderNotPayableError } from './errors';
import type { PaymentView } from './payment-view';

/** A lost swap means another ask made the attempt: the next read returns it. More losses: real contention. */
const MAX_TRIES = 5;

export async function payShopOrder(deps: CreatePaymentDeps, orderId: string): Promise<PaymentView> {
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    const found = await readShopOrderForPayment(deps.db, orderId);
    if (!found) throw new OrderNotFoundError(orderId);
    const { order, latest } = found;
    if (order.status !== 'AWAITING_PAYMENT') throw new OrderNotPayableError(orderId, order.status);
    if (latest && isLiveAttempt(latest, deps.now())) return resumeAttempt(deps, latest);

    const next = newAttemptOf(deps, order, order.attempts + 1);
    const created = await claimNextAttempt(deps.db, next, order.attempts);
    if (created) return submitToGateway(deps, created);
  }
  throw new Error(
    `Order ${orderId}: ${MAX_TRIES} asks in a row lost the race for the next attempt`,
  );
}
