// The parts of an order's REST answer that the shop's REST route (order-rest-routes.ts) and the merchant
// API (merchant-api/order-answer.ts) write alike: its lines, its attempts, the live payment, the receipt.
import type { LocalisedName, OrderView } from '../payments/status/order-view';

export function lineBodies(view: OrderView, language: keyof LocalisedName) {
  return view.lines.map((line) => ({
    sku: line.sku,
    name: line.name[language],
    unit_price: line.unitPrice,
    quantity: line.quantity,
    line_total: line.lineTotal,
  }));
}

export function attemptBodies(view: OrderView) {
  return view.attempts.map((attempt) => ({
    app_trans_id: attempt.appTransId,
    attempt: attempt.attempt,
    status: attempt.status,
    expires_at: attempt.expiresAt.toISOString(),
    paid_at: attempt.paidAt?.toISOString() ?? null,
  }));
}

/** The attempt the shopper can pay now, or null. */
export function livePaymentBody(view: OrderView) {
  return (
    view.livePayment && {
      app_trans_id: view.livePayment.appTransId,
      order_url: view.livePayment.orderUrl,
      expires_at: view.livePayment.expiresAt.toISOString(),
    }
  );
}

/** The paid attempt's receipt, or null. */
export function receiptBody(view: OrderView) {
  return (
    view.receipt && {
      app_trans_id: view.receipt.appTransId,
      zp_trans_id: view.receipt.zpTransId,
      amount: view.receipt.amount,
      paid_at: view.receipt.paidAt.toISOString(),
      method: view.receipt.method,
    }
  );
}
