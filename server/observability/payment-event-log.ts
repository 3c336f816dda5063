// The payments domain's routine log lines, written from its events (payments/domain-events.ts): each
// order that changed, and each callback refused before it could name an order. The alerts (late payment,
// amount mismatch, unknown order, ...) are written by the domain itself, with the detail only it holds.
import type { Logger } from '../logger';
import type { PaymentsEventListener } from '../payments/domain-events';

export function paymentEventLog(log: Logger): PaymentsEventListener {
  return (event) => {
    if (event.type === 'input_applied' && event.result.effect !== 'none') {
      log.info(
        {
          appTransId: event.result.order.appTransId,
          input: event.input.kind,
          effect: event.result.effect,
        },
        'payment order changed',
      );
    } else if (
      event.type === 'callback_rejected' &&
      (event.reason === 'bad_mac' || event.reason === 'unreadable')
    ) {
      log.warn({ reason: event.reason, detail: event.detail }, 'rejected a ZaloPay callback');
    }
  };
}
