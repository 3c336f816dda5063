// The merchant order's statuses as data, like the attempts' (payment-state-machine.ts) and the refunds'
// (refund-state-machine.ts): which status may follow which. Each statement that moves an order takes its
// status guard from here (settlement, cancel, fulfilment, refund), so a move not in the table never runs.
import { MERCHANT_ORDER_STATUSES, type MerchantOrderStatus } from '../status/order-view';

export { MERCHANT_ORDER_STATUSES, type MerchantOrderStatus };

const NEXT_STATUSES: Record<MerchantOrderStatus, readonly MerchantOrderStatus[]> = {
  AWAITING_PAYMENT: ['PAID', 'CANCELLED'],
  // A refund may settle before the merchant's hook has taken the order.
  PAID: ['FULFILLED', 'PARTIALLY_REFUNDED', 'REFUNDED'],
  FULFILLED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  // Another partial refund keeps it partially refunded, until the whole total is back.
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  REFUNDED: [],
  CANCELLED: [],
};

export function canMoveMerchantOrder(from: MerchantOrderStatus, to: MerchantOrderStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** The statuses an order may leave for `to`: the guard of the statement that moves it there. */
export function statusesBefore(to: MerchantOrderStatus): MerchantOrderStatus[] {
  return MERCHANT_ORDER_STATUSES.filter((from) => canMoveMerchantOrder(from, to));
}

/** REFUNDED and CANCELLED: nothing happens to the order any more. */
export function isFinalMerchantOrderStatus(status: MerchantOrderStatus): boolean {
  return NEXT_STATUSES[status].length === 0;
}
