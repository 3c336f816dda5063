// The metrics of the payments domain, counted from its events (payments/domain-events.ts): callbacks
// received and not applied (by the handler's own reason), transitions, resent callbacks, orders found
// paid by a query, and second payments refunded automatically.
import type { PaymentsEventListener } from '../payments/domain-events';
import type { PaymentInput, TransitionResult } from '../payments/attempts/attempt-input';
import type { CheckoutMetrics } from './checkout-metrics';

export function paymentMetrics(metrics: CheckoutMetrics): PaymentsEventListener {
  return (event) => {
    switch (event.type) {
      case 'callback_received':
        metrics.callbacksReceived.inc();
        return;
      case 'callback_rejected':
        metrics.callbacksRejected.inc({ reason: event.reason });
        return;
      case 'input_applied':
        countInput(metrics, event.input, event.result);
        return;
    }
  };
}

function countInput(metrics: CheckoutMetrics, input: PaymentInput, result: TransitionResult) {
  if (input.kind === 'callback' && result.repeatedInput) metrics.callbacksDuplicated.inc();
  if (result.extraPaymentRefund) metrics.doublePayments.inc({ input: input.kind });
  if (result.effect === 'none' || result.effect === 'amount_mismatch_flagged') return;
  metrics.transitions.inc({ transition: result.effect, input: input.kind });
  if (result.effect.endsWith('->PAID') && input.kind === 'query') {
    const source = typeof input.payload.source === 'string' ? input.payload.source : 'unknown';
    metrics.paidByQuery.inc({ source });
  }
}
