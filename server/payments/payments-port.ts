// What the API layer (tRPC, REST) may ask of the payments domain: the port server/payments implements
// and the web layer and the client's test fakes program against.
import type { OrderLineRequest, OrderView, ProductView } from './status/order-view';
import type { CreatePaymentInput, PaymentView } from './status/payment-view';
import type { RedirectHint } from './callbacks/redirect-report';

/** The payments domain as the API layer sees it. server/payments implements it. */
export interface PaymentsPort {
  /** The active products, as the catalogue sells them. */
  listProducts(): Promise<ProductView[]>;
  /** A merchant order priced by the server from the catalogue; throws InvalidOrderError naming the line. */
  createOrder(lines: OrderLineRequest[]): Promise<OrderView>;
  /** The order with its attempts and receipt; null for an unknown reference. */
  getOrder(orderId: string): Promise<OrderView | null>;
  /**
   * Pays a merchant order: its live attempt if it has one (same app_trans_id, same order_url), else a new
   * attempt for the order's total. Throws OrderNotPayableError for a paid or cancelled order.
   */
  payOrder(orderId: string): Promise<PaymentView>;
  /**
   * A one-off merchant order for a client-given amount and its first attempt: the frontend guide's
   * `{amount, order_info}`. Only the REST route calls it, and only where ACCEPT_CLIENT_AMOUNTS allows.
   */
  payOneOff(input: CreatePaymentInput): Promise<PaymentView>;
  /** The verified status of one attempt; null for an unknown id. */
  getStatus(appTransId: string): Promise<PaymentView | null>;
  /** Yields the current view, then every change, until the signal aborts. */
  watch(appTransId: string, signal: AbortSignal): AsyncIterable<PaymentView>;
  /** Records the shopper's return from ZaloPay and says what it claims (a hint, never a status). */
  reportRedirect(query: Record<string, string>): Promise<RedirectHint>;
}
