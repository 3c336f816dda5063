// Withdraws an unpaid merchant order (an operator on /ops, the merchant's API, the abandoned-order round):
// every PENDING attempt is cancelled at ZaloPay first (cancel-attempt.ts), then the order moves
// AWAITING_PAYMENT -> CANCELLED with its order.cancelled webhook, in one transaction guarded by a
// compare-and-swap on the order's status and attempt counter, so a payment or a new attempt that slipped in
// meanwhile is seen. A paid order cannot be cancelled (OrderNotCancellableError, 409). A payment that still
// arrives for a cancelled order is recorded and refunded (merchant-order-settlement.ts).
import { and, eq, inArray } from 'drizzle-orm';
import {
  paymentEvents,
  paymentAttempts,
  merchantOrders,
  type MerchantOrder,
  type MerchantOrderCanceller,
} from '../../../db/schema';
import { cancelAttemptAtGateway } from '../attempts/cancel-attempt';
import type { AttemptDeps } from '../attempts/submit-attempt';
import { OrderNotCancellableError, OrderNotFoundError } from '../errors';
import { canMoveMerchantOrder, statusesBefore } from './merchant-order-state-machine';
import { readOrderWithAttempts } from '../status/merchant-order-view';
import { recordWebhookEvent } from '../outbox/webhook-events';

export interface CancelledOrder {
  order: MerchantOrder;
  /** False when the order was already cancelled: nothing was done (a repeated request). */
  cancelledNow: boolean;
  /**
   * Attempts whose cancel at ZaloPay had no clear answer: they stay PENDING and watched by the poller,
   * and a payment of one is refunded automatically.
   */
  uncertainAttempts: string[];
}

/** A lost compare-and-swap means a payment or an attempt moved the order: look again, a few times. */
const MAX_TRIES = 5;

export async function cancelMerchantOrder(
  deps: AttemptDeps,
  orderId: string,
  by: MerchantOrderCanceller,
): Promise<CancelledOrder> {
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    const found = await readOrderWithAttempts(deps.db, orderId);
    if (!found) throw new OrderNotFoundError(orderId);
    const { order, attempts } = found;
    if (order.status === 'CANCELLED') {
      return { order, cancelledNow: false, uncertainAttempts: [] };
    }
    if (!canMoveMerchantOrder(order.status, 'CANCELLED'))
      throw new OrderNotCancellableError(orderId, order.status);

    const uncertainAttempts: string[] = [];
    let paid = false;
    for (const attempt of attempts.filter((a) => a.status === 'PENDING')) {
      const result = await cancelAttemptAtGateway(deps, attempt, 'order_cancelled');
      if (result === 'paid') paid = true;
      if (result === 'uncertain') uncertainAttempts.push(attempt.appTransId);
    }
    if (paid) continue;

    const cancelled = await markCancelled(deps, order, by, uncertainAttempts);
    if (cancelled) {
      deps.log.info({ shopOrderId: orderId, by, uncertainAttempts }, 'merchant order cancelled');
      return { order: cancelled, cancelledNow: true, uncertainAttempts };
    }
  }
  throw new Error(
    `Order ${orderId}: ${MAX_TRIES} cancels in a row lost the race to a payment or an attempt`,
  );
}

/** The order CANCELLED if it still awaits payment with the attempts seen; undefined when it moved. */
async function markCancelled(
  deps: AttemptDeps,
  seen: MerchantOrder,
  by: MerchantOrderCanceller,
  uncertainAttempts: string[],
): Promise<MerchantOrder | undefined> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [order] = await tx
      .update(merchantOrders)
      .set({ status: 'CANCELLED', cancelledAt: now, cancelledBy: by, updatedAt: now })
      .where(
        and(
          eq(merchantOrders.id, seen.id),
          inArray(merchantOrders.status, statusesBefore('CANCELLED')),
          eq(merchantOrders.attempts, seen.attempts),
        ),
      )
      .returning();
    if (!order) return undefined;
    const [latest] = await tx
      .select({ id: paymentAttempts.id })
      .from(paymentAttempts)
      .where(
        and(eq(paymentAttempts.shopOrderId, order.id), eq(paymentAttempts.attempt, order.attempts)),
      );
    if (latest) {
      await tx.insert(paymentEvents).values({
        orderId: latest.id,
        kind: 'order_cancelled',
        payload: { by, uncertainAttempts, effect: 'none' },
        createdAt: now,
      });
    }
    await recordWebhookEvent(tx, {
      shopOrderId: order.id,
      type: 'order.cancelled',
      data: {
        order_id: order.id,
        status: 'CANCELLED',
        total: order.total,
        cancelled_by: by,
        cancelled_at: now.toISOString(),
      },
      now,
    });
    return order;
  });
}
