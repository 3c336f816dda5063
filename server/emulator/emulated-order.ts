// What the emulator remembers about one order, one refund and one callback delivery: the gateway's
// side of the truth that GET /admin/orders exposes and chaos tests compare the merchant's records with.

/** `cancelled`: the merchant called /v2/cancel on an unpaid order; it can no longer be paid. */
export type OrderState = 'payable' | 'paying' | 'paid' | 'cancelled';

/** How the callback of a paid order went, as a whole. */
export type CallbackState =
  'not_sent' | 'no_callback_url' | 'dropped' | 'held' | 'delivering' | 'delivered' | 'gave_up';

export interface CallbackAttempt {
  /** 1-based across the whole delivery: 1 is the first POST, 2..4 the retries, then any duplicate. */
  attempt: number;
  kind: 'first' | 'retry' | 'duplicate';
  url: string;
  startedAt: number;
  durationMs: number;
  /** The merchant's HTTP status; null when the request failed (refused, timed out, aborted). */
  httpStatus: number | null;
  /** The merchant's reply body (first 2000 characters). */
  reply: string | null;
  error: string | null;
  macCorrupted: boolean;
  /** Whether this reply ended the retries (return_code 1, or 2 when treatReply2AsDone). */
  accepted: boolean;
}

export interface Payment {
  zpTransId: number;
  serverTime: number;
  channel: number;
  bankCode: string;
}

export interface ShopperAction {
  at: number;
  action: 'pay' | 'cancel';
  channel: number;
  cardNumber: string | null;
  outcome: 'paid' | 'declined' | 'cancelled';
  detail: string | null;
  redirectUrl: string | null;
}

export interface SandboxOrder {
  appId: number;
  appTransId: string;
  appUser: string;
  appTime: number;
  amount: number;
  description: string;
  /** The exact strings covered by the merchant's MAC, echoed byte for byte in the callback. */
  item: string;
  embedData: string;
  bankCode: string;
  callbackUrl: string | null;
  redirectUrl: string | null;
  zpTransToken: string;
  orderUrl: string;
  /** Null for apps whose create answers carry none (2554). */
  cashierOrderUrl: string | null;
  qrCode: string | null;
  receivedAt: number;
  expiresAt: number;
  state: OrderState;
  /** When /v2/cancel cancelled it (emulator clock), or null. */
  cancelledAt: number | null;
  payment: Payment | null;
  callback: { state: CallbackState; attempts: CallbackAttempt[] };
  shopperActions: ShopperAction[];
}

export interface SandboxRefund {
  appId: number;
  mRefundId: string;
  refundId: number;
  appTransId: string;
  zpTransId: string;
  amount: number;
  refundFeeAmount: number | null;
  description: string;
  acceptedAt: number;
  completesAt: number;
}

export type OrderStatus = 'pending' | 'processing' | 'paid' | 'expired' | 'cancelled';

/** Paid and cancelled are final; otherwise an order past its expiry is expired, even while a payment is in flight. */
export function orderStatus(order: SandboxOrder, now: number): OrderStatus {
  if (order.state === 'paid') return 'paid';
  if (order.state === 'cancelled') return 'cancelled';
  if (now >= order.expiresAt) return 'expired';
  return order.state === 'paying' ? 'processing' : 'pending';
}
