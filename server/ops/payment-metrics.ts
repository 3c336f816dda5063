// Feeds the metrics from the payments domain: the ledger observer (transitions, resent callbacks,
// orders found paid by a query, second payments refunded automatically) and a wrapper round handleCallback (received, rejected).
import type { PaymentInputObserver } from '../payments/order-transitions';
import type { PaymentsService } from '../payments/payments-service';
import type { CheckoutMetrics } from './checkout-metrics';

export function paymentInputMetrics(metrics: CheckoutMetrics): PaymentInputObserver {
  return (input, result) => {
    if (input.kind === 'callback' && result.repeatedInput) metrics.callbacksDuplicated.inc();
    if (result.doublePaymentRefund) metrics.doublePayments.inc({ input: input.kind });
    if (result.effect === 'none' || result.effect === 'amount_mismatch_flagged') return;
    metrics.transitions.inc({ transition: result.effect, input: input.kind });
    if (result.effect.endsWith('->PAID') && input.kind === 'query') {
      const source = typeof input.payload.source === 'string' ? input.payload.source : 'unknown';
      metrics.paidByQuery.inc({ source });
    }
  };
}

/** The same service, with every callback counted and every non-success reply counted by reason. */
export function withCallbackMetrics(
  payments: PaymentsService,
  metrics: CheckoutMetrics,
): PaymentsService {
  return {
    ...payments,
    async handleCallback(rawBody) {
      metrics.callbacksReceived.inc();
      const reply = await payments.handleCallback(rawBody);
      if (reply.httpStatus === 400) metrics.callbacksRejected.inc({ reason: 'bad_mac' });
      else if (reply.httpStatus >= 500) metrics.callbacksRejected.inc({ reason: 'our_failure' });
      return reply;
    },
  };
}
