// Reads a merchant order with its attempts and makes the view the outside world sees: lines, attempts,
// the attempt a shopper can pay right now, and once paid the receipt (with ZaloPay's transaction id).
// Whoever holds the reference sees this view (docs/security.md, "What an order reference shows"): a
// one-off order's line is named "Payment", never its order_info, which may carry a name or a phone.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/create-db';
import {
  paymentAttempts,
  merchantOrders,
  type PaymentAttempt,
  type MerchantOrder,
} from '../../../db/schema';
import { isLiveAttempt } from '../attempts/submit-attempt';
import type { MerchantCheckoutView, OrderView, PaymentMethod } from './order-view';
import { toPaymentView } from './payment-view';

/** docs/zalopay-protocol.md §5.3, callback `channel` (= pmcid): 38 wallet, 36/39/41 cards, 37 bank account. */
export function paymentMethodOf(channel: number | null): PaymentMethod {
  switch (channel) {
    case 38:
      return 'wallet';
    case 36:
    case 39:
    case 41:
      return 'card';
    case 37:
      return 'bank_account';
    default:
      return 'unknown';
  }
}

/** The merchant's URL with `order_id` set, so the shop knows which order the shopper comes back from. */
function withOrderId(url: string | null, orderId: string): string | null {
  if (!url) return null;
  const back = new URL(url);
  back.searchParams.set('order_id', orderId);
  return back.toString();
}

function merchantCheckoutView(
  order: MerchantOrder,
  live: boolean,
  now: Date,
): MerchantCheckoutView | null {
  if (!order.expiresAt) return null;
  const someUrl = order.returnUrl ?? order.cancelUrl;
  return {
    shopName: someUrl ? new URL(someUrl).host : null,
    returnUrl: withOrderId(order.returnUrl, order.id),
    cancelUrl: withOrderId(order.cancelUrl, order.id),
    expiresAt: order.expiresAt,
    expired: order.status === 'AWAITING_PAYMENT' && !live && now >= order.expiresAt,
  };
}

export async function readOrderWithAttempts(
  db: Database,
  orderId: string,
): Promise<{ order: MerchantOrder; attempts: PaymentAttempt[] } | undefined> {
  const [order] = await db.select().from(merchantOrders).where(eq(merchantOrders.id, orderId));
  if (!order) return undefined;
  const attempts = await db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.shopOrderId, orderId))
    .orderBy(asc(paymentAttempts.attempt));
  return { order, attempts };
}

/** The line name of a one-off order (ACCEPT_CLIENT_AMOUNTS): its order_info stays on the server. */
export const ONE_OFF_LINE_NAME = { vi: 'Thanh toán', en: 'Payment' } as const;

/** A line without a sku is a one-off payment's order_info, unless a merchant's server named it (API key). */
function shownName(order: MerchantOrder, line: MerchantOrder['lines'][number]) {
  const oneOff = line.sku === null && order.apiKeyId === null;
  return oneOff ? { ...ONE_OFF_LINE_NAME } : { vi: line.nameVi, en: line.nameEn };
}

export function toOrderView(
  order: MerchantOrder,
  attempts: PaymentAttempt[],
  now: Date,
): OrderView {
  const paid = attempts.find((attempt) => attempt.id === order.paidAttemptId);
  const live =
    order.status === 'AWAITING_PAYMENT'
      ? attempts.findLast((attempt) => isLiveAttempt(attempt, now))
      : undefined;
  return {
    orderId: order.id,
    status: order.status,
    total: order.total,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      name: shownName(order, line),
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      lineTotal: line.unitPrice * line.quantity,
    })),
    createdAt: order.createdAt,
    attempts: attempts.map((attempt) => ({
      appTransId: attempt.appTransId,
      attempt: attempt.attempt,
      status: attempt.status,
      expiresAt: attempt.expiresAt,
      paidAt: attempt.paidAt,
    })),
    livePayment: live ? toPaymentView(live, now) : null,
    receipt:
      paid?.zpTransId && paid.paidAt
        ? {
            appTransId: paid.appTransId,
            zpTransId: paid.zpTransId,
            amount: paid.amount,
            paidAt: paid.paidAt,
            method: paymentMethodOf(paid.paidChannel),
          }
        : null,
    serverTime: now,
    merchant: merchantCheckoutView(order, live !== undefined, now),
  };
}
