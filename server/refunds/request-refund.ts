// An operator's refund of a PAID order: check the request, then in one transaction (the order's row
// locked) check what is left to refund and record the PENDING refund with its ledger row, then send it
// to ZaloPay. What was recorded is never lost: without an answer, the settler finishes it.
import { and, eq, sql } from 'drizzle-orm';
import { paymentAttempts, refunds, type Refund } from '../../db/schema';
import { newMRefundId, vietnamYymmdd } from '../zalopay';
import { nextRefundCheckAt } from './refund-check-backoff';
import { RefundRefusedError } from './refund-errors';
import { refundableRemainder } from './refund-summary';
import { recordRefundEvent } from './refund-transitions';
import { sendRefund, type SendRefundDeps } from './send-refund';

export interface RefundRequest {
  appTransId: string;
  /** Integer VND, at most what is left to refund. */
  amount: number;
  /** Sent to ZaloPay as the reason (1 to 100 characters). */
  description: string;
  /**
   * The operator form's one-time token (22 base64url characters), the end of the m_refund_id: the same
   * form sent twice (a resubmission after a lost answer) returns the first refund instead of a second.
   */
  idempotencyToken?: string;
}

export interface RequestRefundDeps extends SendRefundDeps {
  /** The app_id that starts every m_refund_id. */
  appId: number;
  /** The wait before the first query_refund (refund-check-backoff.ts). */
  firstCheckDelayMs: number;
}

const MAX_DESCRIPTION_CHARS = 100;

/** Throws RefundRefusedError when the order cannot be refunded this much; ZaloPay is not asked then. */
export async function requestRefund(
  deps: RequestRefundDeps,
  request: RefundRequest,
): Promise<Refund> {
  const description = request.description.trim();
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
    throw new RefundRefusedError(
      'invalid_amount',
      'The amount must be a whole number of VND above 0',
    );
  }
  if (description.length === 0 || description.length > MAX_DESCRIPTION_CHARS) {
    throw new RefundRefusedError(
      'invalid_description',
      `The reason must be 1 to ${MAX_DESCRIPTION_CHARS} characters`,
    );
  }
  const at = deps.now();
  const token = request.idempotencyToken;
  const outcome = await deps.db.transaction(async (tx) => {
    // The order's row lock serialises refunds of one order, so two at once cannot both fit the remainder.
    const [order] = await tx
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.appTransId, request.appTransId))
      .for('update');
    if (!order) throw new RefundRefusedError('order_not_found', 'No such order');
    if (token !== undefined) {
      const [earlier] = await tx
        .select()
        .from(refunds)
        .where(
          and(
            eq(refunds.orderId, order.id),
            sql`right(${refunds.mRefundId}, ${token.length + 1}) = ${`_${token}`}`,
          ),
        );
      if (earlier) return { replayed: true as const, refund: earlier };
    }
    if (order.status !== 'PAID' || !order.zpTransId) {
      throw new RefundRefusedError(
        'order_not_paid',
        `Only a PAID order can be refunded (this one is ${order.status})`,
      );
    }
    const earlierRefunds = await tx
      .select({ amount: refunds.amount, state: refunds.state })
      .from(refunds)
      .where(eq(refunds.orderId, order.id));
    const left = refundableRemainder(order.amount, earlierRefunds);
    if (request.amount > left) {
      throw new RefundRefusedError(
        'exceeds_refundable',
        `Only ${left} VND of this order can still be refunded`,
      );
    }
    const [created] = await tx
      .insert(refunds)
      .values({
        orderId: order.id,
        mRefundId:
          token === undefined
            ? newMRefundId(deps.appId, at.getTime())
            : `${vietnamYymmdd(at.getTime())}_${deps.appId}_${token}`,
        amount: request.amount,
        description,
        requestedAtMs: at.getTime(),
        nextCheckAt: nextRefundCheckAt(deps.now(), 0, deps.firstCheckDelayMs),
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!created) throw new Error('The refund was not recorded');
    await recordRefundEvent(tx, deps.now(), created, 'refund_requested', {
      description,
      effect: 'none',
    });
    return {
      replayed: false as const,
      refund: created,
      order: { appTransId: request.appTransId, zpTransId: order.zpTransId },
    };
  });
  if (outcome.replayed) return outcome.refund;
  deps.onRefundState?.('PENDING');
  return sendRefund(deps, outcome.refund, outcome.order);
}
