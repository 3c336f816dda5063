// What an input to a payment attempt is (a callback, a query answer, a gateway reply) and what applying it
// did: the words attempt-transitions.ts and the domain's events (domain-events.ts) both speak.
import type { LedgerKind, PaymentAttempt } from '../../../db/schema';
import type { PaymentStatus } from '../status/payment-view';

/** What happened to an order, as recorded in payment_events.kind: every ledger kind but the refund steps. */
export type PaymentEventKind = Exclude<LedgerKind, `refund_${string}`>;

export interface PaymentInput {
  kind: PaymentEventKind;
  /** Unique across the ledger: a second input with the same key is recognised as a repeat. */
  dedupeKey?: string;
  payload: Record<string, unknown>;
}

export type TransitionEffect =
  `${PaymentStatus}->${PaymentStatus}` | 'amount_mismatch_flagged' | 'none';

export interface TransitionResult {
  /** The order after the transaction: the winner's result when another input got there first. */
  order: PaymentAttempt;
  effect: TransitionEffect;
  /** The ledger already held this input's dedupe key: a repeated delivery. */
  repeatedInput: boolean;
  /**
   * Set when this input paid an attempt whose merchant order was no longer awaiting payment: the
   * m_refund_id of the automatic refund recorded with it.
   */
  extraPaymentRefund?: string | null;
}
