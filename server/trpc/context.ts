// The tRPC context: built from dependencies (the payments port), never from globals, so tests can pass their own.
import type { CreatePaymentInput, PaymentView } from '../payments/payment-view';
import type { RedirectHint } from '../payments/redirect-report';

/** The payments domain as the API layer sees it. server/payments implements it. */
export interface PaymentsPort {
  create(input: CreatePaymentInput): Promise<PaymentView>;
  /** The verified status; null for an unknown id. */
  getStatus(appTransId: string): Promise<PaymentView | null>;
  /** Yields the current view, then every change, until the signal aborts. */
  watch(appTransId: string, signal: AbortSignal): AsyncIterable<PaymentView>;
  /** Records the shopper's return from ZaloPay and says what it claims (a hint, never a status). */
  reportRedirect(query: Record<string, string>): Promise<RedirectHint>;
}

export interface Context {
  payments: PaymentsPort;
}
