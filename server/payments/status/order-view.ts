// What the outside world (tRPC, REST, the browser) may see of a merchant order and of the catalogue:
// the order's public reference, its lines as bought, its payment attempts and, once paid, its receipt.
import { merchantOrderStatus } from '../../../db/schema';
import type { PaymentStatus, PaymentView } from './payment-view';

/** A merchant order's statuses: the database enum's, listed once in db/schema.ts. */
export const MERCHANT_ORDER_STATUSES = merchantOrderStatus.enumValues;
export type MerchantOrderStatus = (typeof MERCHANT_ORDER_STATUSES)[number];

/** A product's name in each language the checkout speaks. */
export interface LocalisedName {
  vi: string;
  en: string;
}

export interface ProductView {
  sku: string;
  name: LocalisedName;
  /** Whole VND. */
  unitPrice: number;
  /** A short description in each language; null when the merchant wrote none. */
  description: LocalisedName | null;
  /** The product's image (served with its own long cache), or null. */
  imageUrl: string | null;
}

/** One line as it was bought: a snapshot, so a later price change does not rewrite history. */
export interface OrderLine {
  /** null for a one-off order made from a client amount (ACCEPT_CLIENT_AMOUNTS). */
  sku: string | null;
  name: LocalisedName;
  unitPrice: number;
  quantity: number;
}

export interface OrderLineView extends OrderLine {
  lineTotal: number;
}

export interface AttemptView {
  appTransId: string;
  /** 1 for the first attempt, then 2, 3, … */
  attempt: number;
  status: PaymentStatus;
  expiresAt: Date;
  paidAt: Date | null;
}

/** How the shopper paid, from the callback's `channel` (docs/zalopay-protocol.md §5.3: 38 wallet, 36/39/41 cards, 37 bank). */
export type PaymentMethod = 'wallet' | 'card' | 'bank_account' | 'unknown';

/** What a paid order's receipt shows; zpTransId is the number ZaloPay support asks for. */
export interface ReceiptView {
  appTransId: string;
  zpTransId: string;
  amount: number;
  paidAt: Date;
  method: PaymentMethod;
}

/**
 * What the hosted checkout needs of an order made through the merchant API (never its metadata or
 * reference: those are the merchant's, and anyone holding the order's link may read this view).
 */
export interface MerchantCheckoutView {
  /** The host of the merchant's return (or cancel) URL, for "Return to <shop>". */
  shopName: string | null;
  /** return_url with `order_id=<reference>` added; shown once paid. */
  returnUrl: string | null;
  /** cancel_url with `order_id=<reference>` added; shown while unpaid. */
  cancelUrl: string | null;
  expiresAt: Date;
  /** Past expires_at with no payment: no new attempt can start. */
  expired: boolean;
}

export interface OrderView {
  /** The order's public reference, the one app_trans_id carries (`yymmdd_<orderId>_<attempt>`). */
  orderId: string;
  status: MerchantOrderStatus;
  total: number;
  lines: OrderLineView[];
  createdAt: Date;
  /** Oldest first. */
  attempts: AttemptView[];
  /** The attempt a shopper can pay right now (PENDING and not expired), with its order_url; else null. */
  livePayment: PaymentView | null;
  /** Set once the order is paid. */
  receipt: ReceiptView | null;
  /** The server's clock when this view was made, so the browser can correct its countdown. */
  serverTime: Date;
  /** Set for an order made through the merchant API (POST /api/v1/orders). */
  merchant: MerchantCheckoutView | null;
}

export interface OrderLineRequest {
  sku: string;
  quantity: number;
}
