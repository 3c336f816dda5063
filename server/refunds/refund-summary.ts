// What has been refunded of an order, from its refund rows: the figures the operator page shows and the
// limit a new refund is checked against (a FAILED refund gave nothing back, so it does not count).
import type { Refund } from '../../db/schema';

export interface RefundSummary {
  /** SUCCEEDED refunds: money ZaloPay confirmed it gave back. */
  refunded: number;
  /** PENDING or PROCESSING refunds: asked for, not settled yet. */
  inFlight: number;
  /** What a new refund may still ask for: the paid amount less everything not FAILED. */
  refundable: number;
}

export function summariseRefunds(
  paidAmount: number,
  refunds: Pick<Refund, 'amount' | 'state'>[],
): RefundSummary {
  let refunded = 0;
  let inFlight = 0;
  for (const refund of refunds) {
    if (refund.state === 'SUCCEEDED') refunded += refund.amount;
    else if (refund.state !== 'FAILED') inFlight += refund.amount;
  }
  return { refunded, inFlight, refundable: Math.max(0, paidAmount - refunded - inFlight) };
}
