// What has been refunded of an order, from its refund rows: the figures the operator page shows and the
// limit a new refund is checked against (a FAILED refund gave nothing back, so it does not count). The
// one place the refundable remainder is computed: the operator's form and the refund service both ask here.
import type { Refund } from '../../db/schema';

export interface RefundSummary {
  /** SUCCEEDED refunds: money ZaloPay confirmed it gave back. */
  refunded: number;
  /** PENDING or PROCESSING refunds: asked for, not settled yet. */
  inFlight: number;
  /** What a new refund may still ask for: the paid amount less everything not FAILED. */
  refundable: number;
}

export type RefundFigures = Pick<Refund, 'amount' | 'state'>;

export function summariseRefunds(paidAmount: number, refunds: RefundFigures[]): RefundSummary {
  let refunded = 0;
  let inFlight = 0;
  for (const refund of refunds) {
    if (refund.state === 'SUCCEEDED') refunded += refund.amount;
    else if (refund.state !== 'FAILED') inFlight += refund.amount;
  }
  return { refunded, inFlight, refundable: Math.max(0, paidAmount - refunded - inFlight) };
}

/** How much of an order paid `paidAmount` a new refund may still ask for. */
export function refundableRemainder(paidAmount: number, refunds: RefundFigures[]): number {
  return summariseRefunds(paidAmount, refunds).refundable;
}
