// Paying a merchant order: one live attempt at a time. Asking again while an attempt is payable returns
// that attempt (same app_trans_id, same order_url); only after it expired or failed is attempt n+1 made.
// The order's row lock serialises concurrent asks (two tabs, a double click, two instances).
import { desc, eq } from 'drizzle-orm';
import { paymentOrders, shopOrders, type PaymentOrder } from '../../db/schema';
import {
  isLiveAttempt,
  newAttemptOf,
  resumeAttempt,
  submitToGateway,
  type CreatePaymentDeps,
} from './create-payment';
import { OrderNotFoundError, OrderNotPayableError } from './errors';
import type { PaymentView } from './payment-view';
import { recordNewAttempt } from './record-new-attempt';

type Next = { resume: PaymentOrder } | { submit: PaymentOrder };

export async function payShopOrder(deps: CreatePaymentDeps, orderId: string): Promise<PaymentView> {
  const next = await deps.db.transaction(async (tx): Promise<Next> => {
    const [order] = await tx
      .select()
      .from(shopOrders)
      .where(eq(shopOrders.id, orderId))
      .for('update');
    if (!order) throw new OrderNotFoundError(orderId);
    if (order.status !== 'AWAITING_PAYMENT') throw new OrderNotPayableError(orderId, order.status);

    const [latest] = await tx
      .select()
      .from(paymentOrders)
      .where(eq(paymentOrders.shopOrderId, order.id))
      .orderBy(desc(paymentOrders.attempt))
      .limit(1);
    if (latest && isLiveAttempt(latest, deps.now())) return { resume: latest };

    const attempt = order.attempts + 1;
    const now = deps.now();
    await tx
      .update(shopOrders)
      .set({ attempts: attempt, updatedAt: now })
      .where(eq(shopOrders.id, order.id));
    const created = await recordNewAttempt(tx, newAttemptOf(deps, order, attempt));
    if (!created) throw new Error(`Attempt ${attempt} of order ${order.id} was not recorded`);
    return { submit: created };
  });
  return 'resume' in next ? resumeAttempt(deps, next.resume) : submitToGateway(deps, next.submit);
}
