// The emulator's truth about an order as GET /admin/orders returns it: snake_case like the wire
// protocol, times as epoch milliseconds on the emulator clock, every callback attempt included.
import type { OrderBook } from '../order-book';
import { orderStatus } from '../emulated-order';
import type { SandboxOrder } from '../emulated-order';
import { callbackAttemptView } from './callback-attempt-view';

export function orderView(order: SandboxOrder, orders: OrderBook, now: number) {
  return {
    app_id: order.appId,
    app_trans_id: order.appTransId,
    status: orderStatus(order, now),
    amount: order.amount,
    description: order.description,
    app_user: order.appUser,
    app_time: order.appTime,
    embed_data: order.embedData,
    item: order.item,
    bank_code: order.bankCode,
    callback_url: order.callbackUrl,
    redirect_url: order.redirectUrl,
    zp_trans_token: order.zpTransToken,
    order_url: order.orderUrl,
    qr_code: order.qrCode,
    created_at: order.receivedAt,
    expires_at: order.expiresAt,
    cancelled_at: order.cancelledAt,
    zp_trans_id: order.payment?.zpTransId ?? null,
    server_time: order.payment?.serverTime ?? null,
    channel: order.payment?.channel ?? null,
    callback: {
      state: order.callback.state,
      attempts: order.callback.attempts.map(callbackAttemptView),
    },
    shopper_actions: order.shopperActions.map((action) => ({
      at: action.at,
      action: action.action,
      channel: action.channel,
      card_number: action.cardNumber,
      outcome: action.outcome,
      detail: action.detail,
      redirect_url: action.redirectUrl,
    })),
    refunds: orders.refundsOf(order).map((refund) => ({
      m_refund_id: refund.mRefundId,
      refund_id: refund.refundId,
      amount: refund.amount,
      refund_fee_amount: refund.refundFeeAmount,
      description: refund.description,
      status: now >= refund.completesAt ? 'success' : 'processing',
      accepted_at: refund.acceptedAt,
    })),
  };
}
