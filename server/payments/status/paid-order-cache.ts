// PAID is final (docs/design.md §3), and nothing a status view shows changes once an order is PAID: so each
// process remembers the PAID orders it has read, and answers their status without the database.
import type { PaymentViewSource } from './payment-view';
import { LRUCache } from 'lru-cache';

/** Enough for every order paid in a busy hour; each entry is a few hundred bytes. */
const DEFAULT_CAPACITY = 10_000;

export interface PaidOrderCache {
  get(appTransId: string): PaymentViewSource | undefined;
  /** Remembers the order if it is PAID; any other status is ignored, as it may still change. */
  remember(order: PaymentViewSource): void;
}

export function createPaidOrderCache(capacity = DEFAULT_CAPACITY): PaidOrderCache {
  // Least recently read out first, past the capacity.
  const orders = new LRUCache<string, PaymentViewSource>({ max: capacity });
  return {
    get: (appTransId) => orders.get(appTransId),
    remember(order) {
      if (order.status !== 'PAID') return;
      // A copy of the fields a view needs, not the whole row.
      orders.set(order.appTransId, {
        appTransId: order.appTransId,
        shopOrderId: order.shopOrderId,
        status: order.status,
        amount: order.amount,
        orderUrl: order.orderUrl,
        qrCode: order.qrCode,
        expiresAt: order.expiresAt,
        paidAt: order.paidAt,
        failureReason: null,
      });
    },
  };
}
