// What a settled refund means for its merchant order: a refund of the attempt that paid the order moves
// it to PARTIALLY_REFUNDED or REFUNDED and writes its order.refunded webhook event. The automatic refund
// of a second payment leaves the order as it is: it was paid once.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/create-db';
import { paymentAttempts, merchantOrders, type Refund } from '../../db/schema';
import { statusesBefore } from '../payments/merchant-orders/merchant-order-state-machine';
import { recordWebhookEvent } from '../payments/outbox/webhook-events';

/** Runs in the transaction that moved the refund to SUCCEEDED. */
export async function recordRefundOnMerchantOrder(
  tx: Transaction,
  refund: Refund,
  now: Date,
): Promise<void> {
  if (refund.kind !== 'operator') return;
  const refunded = sql`${merchantOrders.refundedAmount} + ${refund.amount}`;
  const [order] = await tx
    .update(merchantOrders)
    .set({
      refundedAmount: refunded,
      status: sql`case when ${refunded} >= ${merchantOrders.total} then 'REFUNDED' else 'PARTIALLY_REFUNDED' end::merchant_order_status`,
      updatedAt: now,
    })
    .where(
      and(
        eq(
          merchantOrders.id,
          tx
            .select({ id: paymentAttempts.shopOrderId })
            .from(paymentAttempts)
            .where(eq(paymentAttempts.id, refund.orderId)),
        ),
        eq(merchantOrders.paidAttemptId, refund.orderId),
        // PARTIALLY_REFUNDED and REFUNDED may follow the same statuses (the state table's).
        inArray(merchantOrders.status, statusesBefore('REFUNDED')),
      ),
    )
    .returning();
  if (!order) return;
  await recordWebhookEvent(tx, {
    shopOrderId: order.id,
    type: 'order.refunded',
    data: {
      order_id: order.id,
      status: order.status,
      total: order.total,
      amount: refund.amount,
      total_refunded: order.refundedAmount,
      refund: { m_refund_id: refund.mRefundId, zp_refund_id: refund.zpRefundId },
    },
    now,
  });
}
