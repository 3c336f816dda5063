// What the outside world (tRPC, REST, the browser) may see of an order: no keys, no internal ids.
export const PAYMENT_STATUSES = ['PENDING', 'PAID', 'FAILED', 'EXPIRED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface PaymentView {
  appTransId: string;
  status: PaymentStatus;
  amount: number;
  description: string;
  orderUrl: string | null;
  qrCode: string | null;
  expiresAt: Date;
  paidAt: Date | null;
  /** Why a FAILED or EXPIRED order ended, in words a shopper can act on; null otherwise. */
  reason: string | null;
  /** The server's clock when this view was made, so the browser can correct its countdown. */
  serverTime: Date;
}

export interface CreatePaymentInput {
  amount: number;
  description: string;
  /** One per "Pay" click: a retry of the same request returns the same order. */
  idempotencyKey?: string | undefined;
}
