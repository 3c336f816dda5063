// A refund asked for by merchant order (POST /api/v1/orders/{order_id}/refunds): the operator's rules
// (request-refund.ts) applied to the attempt that paid the order, so an API caller can never refund more
// than is left, nor an order nobody paid.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { paymentAttempts, merchantOrders, type Refund } from '../../db/schema';
import { RefundRefusedError } from './refund-errors';
import type { RefundService } from './refund-service';

export interface MerchantOrderRefundRequest {
  orderId: string;
  amount: number;
  reason: string;
  /** 22 base64url characters: the same token again returns the first refund instead of a second. */
  idempotencyToken?: string | undefined;
}

/** Throws RefundRefusedError (order_not_found, order_not_paid, exceeds_refundable, ...). */
export async function refundMerchantOrder(
  deps: { db: Database; refunds: RefundService },
  request: MerchantOrderRefundRequest,
): Promise<Refund> {
  const [order] = await deps.db
    .select({ status: merchantOrders.status, appTransId: paymentAttempts.appTransId })
    .from(merchantOrders)
    .leftJoin(paymentAttempts, eq(paymentAttempts.id, merchantOrders.paidAttemptId))
    .where(eq(merchantOrders.id, request.orderId));
  if (!order) throw new RefundRefusedError('order_not_found', 'No such order');
  if (!order.appTransId) {
    throw new RefundRefusedError(
      'order_not_paid',
      `Only a paid order can be refunded (this one is ${order.status})`,
    );
  }
  return deps.refunds.requestRefund({
    appTransId: order.appTransId,
    amount: request.amount,
    description: request.reason,
    idempotencyToken: request.idempotencyToken,
  });
}
