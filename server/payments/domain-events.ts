// What the payments domain reports as it works: a callback received, a callback not applied and why,
// an input applied to an order. Metrics and log lines subscribe to these (checkout-server.ts wires them),
// so the domain knows nothing of Prometheus. Not the ledger: the payment_events table (db/schema.ts) is
// an order's stored history; these are told once, in this process, and forgotten.
import type { Logger } from '../logger';
import type { PaymentInput, TransitionResult } from './attempts/attempt-input';

/** Why a callback was not applied, as the callback ladder (callback-handler.ts) decides it. */
export type CallbackRejection =
  /** The MAC is not key2's for this data (a wrong key2, or a forgery): answered 400. */
  | 'bad_mac'
  /** Not a callback body at all (not UTF-8 JSON, no data/mac/type): answered 400. */
  | 'unreadable'
  /** Signed by ZaloPay but impossible to apply, however often resent: acknowledged and alerted. */
  | 'cannot_apply'
  /** Signed by ZaloPay for an order we have no record of: acknowledged and alerted. */
  | 'unknown_order'
  /** Our side failed (the database): answered 500, so ZaloPay sends it again. */
  | 'our_failure';

export type PaymentsDomainEvent =
  /** A body reached the callback ladder. */
  | { type: 'callback_received' }
  /** `detail`: the MAC check's own reason (e.g. mac_mismatch, malformed_body) when it refused the body. */
  | { type: 'callback_rejected'; reason: CallbackRejection; detail?: string | undefined }
  /**
   * One input (callback, query answer, gateway reply, redirect) went through the state machine and its
   * ledger row committed. `result.effect` says what moved ('none': nothing), `result.repeatedInput`
   * that the ledger already held it, `result.extraPaymentRefund` a second payment being refunded.
   */
  | { type: 'input_applied'; input: PaymentInput; result: TransitionResult };

export type PaymentsEventListener = (event: PaymentsDomainEvent) => void;

/** What the domain holds: somewhere to report to, not who listens. */
export interface PaymentsEventSink {
  emit(event: PaymentsDomainEvent): void;
}

export interface PaymentsEvents extends PaymentsEventSink {
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: PaymentsEventListener): () => void;
}

/**
 * A plain listener list, called in order and synchronously (so log lines keep the request's reqId).
 * A listener that throws is logged and skipped: counting a callback must never fail it.
 */
export function createPaymentsEvents(log: Logger): PaymentsEvents {
  const listeners = new Set<PaymentsEventListener>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          log.error({ err: error, event: event.type }, 'a payments event listener failed');
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
