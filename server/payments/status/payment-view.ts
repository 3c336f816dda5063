// What the outside world (tRPC, REST, the browser) may see of an order: no keys, no internal ids.
import { paymentStatus } from '../../../db/schema';
import type { PhoneReport } from './phone-report';

/** The statuses an attempt can have: the database enum's, listed once in db/schema.ts. */
export const PAYMENT_STATUSES = paymentStatus.enumValues;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface PaymentView {
  appTransId: string;
  /** The merchant order this is a payment attempt of (its public reference). */
  orderId: string;
  status: PaymentStatus;
  amount: number;
  orderUrl: string | null;
  qrCode: string | null;
  expiresAt: Date;
  paidAt: Date | null;
  /** Why a FAILED or EXPIRED order ended, in words a shopper can act on; null otherwise. */
  reason: string | null;
  /**
   * A PENDING attempt's newest verified redirect when it claims a decline or a cancel (phone-report.ts):
   * the desktop showing the QR says "Not completed on your phone". Never a status; null otherwise.
   */
  phoneReport: PhoneReport | null;
  /** The server's clock when this view was made, so the browser can correct its countdown. */
  serverTime: Date;
}

/** A one-off payment for a client-given amount (the frontend guide's body; ACCEPT_CLIENT_AMOUNTS). */
export interface CreatePaymentInput {
  amount: number;
  description: string;
  /** One per "Pay" click: a retry of the same request returns the same order. */
  idempotencyKey?: string | undefined;
}

/** The fields of a stored order a view is made from (db/schema.ts PaymentAttempt satisfies it). */
export interface PaymentViewSource {
  appTransId: string;
  shopOrderId: string;
  status: PaymentStatus;
  amount: number;
  orderUrl: string | null;
  qrCode: string | null;
  expiresAt: Date;
  paidAt: Date | null;
  failureReason: string | null;
}

export function toPaymentView(
  order: PaymentViewSource,
  serverTime: Date,
  phoneReport: PhoneReport | null = null,
): PaymentView {
  return {
    appTransId: order.appTransId,
    orderId: order.shopOrderId,
    status: order.status,
    amount: order.amount,
    orderUrl: order.orderUrl,
    qrCode: order.qrCode,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    reason: order.status === 'FAILED' || order.status === 'EXPIRED' ? order.failureReason : null,
    phoneReport: order.status === 'PENDING' ? phoneReport : null,
    serverTime,
  };
}
