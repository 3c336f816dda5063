// What the payments domain reports (server/payments/domain-events.ts) marks the span it happens in: a
// callback's HTTP span, or a poll round's, gets the order's app_trans_id and reference and an event
// saying what changed, so a search for an order finds the request that paid it.
import { trace } from '@opentelemetry/api';
import type { PaymentsEventListener } from '../payments/domain-events';
import { ORDER_ATTRIBUTES } from './spans';

export function markSpansWithEvents(): PaymentsEventListener {
  return (event) => {
    const span = trace.getActiveSpan();
    if (!span) return;
    if (event.type === 'callback_rejected') {
      span.addEvent('callback rejected', { reason: event.reason });
      return;
    }
    if (event.type !== 'input_applied') return;
    const { order, effect } = event.result;
    const attributes = {
      [ORDER_ATTRIBUTES.appTransId]: order.appTransId,
      [ORDER_ATTRIBUTES.orderReference]: order.shopOrderId,
    };
    span.setAttributes(attributes);
    span.addEvent(`payment input applied: ${effect}`, { ...attributes, status: order.status });
  };
}
