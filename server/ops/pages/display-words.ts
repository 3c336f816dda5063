// How amounts and statuses read on the operator pages: one way, on every page.
import { EXPIRED_REASON } from '../../payments/query-answer';
import type { RefundSummary } from '../../refunds/refund-summary';

/** 25000 reads "25,000 VND". */
export const vnd = (amount: number) => `${amount.toLocaleString('en-US')} VND`;

/** Statuses as words: PARTIALLY_REFUNDED reads PARTIALLY REFUNDED. */
export const statusWords = (status: string) => status.replaceAll('_', ' ');

/** ", partially refunded" / ", refunded" after a paid attempt's status, counting settled refunds. */
export function refundedWords(amount: number, summary: RefundSummary): string {
  if (summary.refunded <= 0) return '';
  return summary.refunded >= amount ? ', refunded' : ', partially refunded';
}

/**
 * Why an attempt ended, for an operator: the stored reason is worded for the shopper ("The time to pay
 * ran out. Please start a new payment."), so an expiry reads as what happened instead.
 */
export function operatorReason(status: string, failureReason: string): string {
  if (status === 'EXPIRED' && failureReason === EXPIRED_REASON) {
    return 'Not paid before it expired: ZaloPay reported no payment (shown to the shopper as "time ran out")';
  }
  return failureReason;
}
