// How amounts and statuses read on the operator pages: one way, on every page.
import type { MerchantOrder } from '../../../db/schema';
import { EXPIRED_REASON } from '../../payments/polling/query-answer';
import type { RefundSummary } from '../../refunds/refund-summary';

/** 25000 reads "25,000 VND". */
export const vnd = (amount: number) => `${amount.toLocaleString('en-US')} VND`;

/**
 * A merchant order's status in words, set apart from an attempt's (PENDING, PAID, EXPIRED, FAILED, shown
 * as stored): every status the order can have, so a new one cannot go unworded.
 */
export const ORDER_STATUS_WORDS: Readonly<Record<MerchantOrder['status'], string>> = {
  AWAITING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid, not yet fulfilled',
  FULFILLED: 'Fulfilled',
  CANCELLED: 'Cancelled',
  PARTIALLY_REFUNDED: 'Partially refunded',
  REFUNDED: 'Refunded',
};

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
