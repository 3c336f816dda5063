// The merchant order status table, checked for every pair of statuses, and the guards taken from it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canMoveMerchantOrder,
  isFinalMerchantOrderStatus,
  MERCHANT_ORDER_STATUSES,
  statusesBefore,
  type MerchantOrderStatus,
} from './merchant-order-state-machine';

describe('merchant order state machine', () => {
  it('allows exactly the moves of payment, cancel, fulfilment and refunds', () => {
    const allowed = MERCHANT_ORDER_STATUSES.flatMap((from) =>
      MERCHANT_ORDER_STATUSES.filter((to) => canMoveMerchantOrder(from, to)).map(
        (to) => `${from}->${to}`,
      ),
    );
    expect(allowed.sort()).toEqual(
      [
        'AWAITING_PAYMENT->CANCELLED',
        'AWAITING_PAYMENT->PAID',
        'FULFILLED->PARTIALLY_REFUNDED',
        'FULFILLED->REFUNDED',
        'PAID->FULFILLED',
        'PAID->PARTIALLY_REFUNDED',
        'PAID->REFUNDED',
        'PARTIALLY_REFUNDED->PARTIALLY_REFUNDED',
        'PARTIALLY_REFUNDED->REFUNDED',
      ].sort(),
    );
  });

  it('never awaits payment again once it left, and never leaves a final status', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...MERCHANT_ORDER_STATUSES), { maxLength: 20 }),
        (requests) => {
          let status: MerchantOrderStatus = 'AWAITING_PAYMENT';
          for (const to of requests) {
            const before = status;
            if (canMoveMerchantOrder(status, to)) status = to;
            if (isFinalMerchantOrderStatus(before)) expect(status).toBe(before);
            if (before !== 'AWAITING_PAYMENT') expect(status).not.toBe('AWAITING_PAYMENT');
          }
        },
      ),
    );
  });

  it('gives each moving statement its guard', () => {
    expect(statusesBefore('PAID')).toEqual(['AWAITING_PAYMENT']);
    expect(statusesBefore('CANCELLED')).toEqual(['AWAITING_PAYMENT']);
    expect(statusesBefore('FULFILLED')).toEqual(['PAID']);
    expect(statusesBefore('REFUNDED').sort()).toEqual(['FULFILLED', 'PAID', 'PARTIALLY_REFUNDED']);
    expect(statusesBefore('PARTIALLY_REFUNDED')).toEqual(statusesBefore('REFUNDED'));
    expect(MERCHANT_ORDER_STATUSES.filter(isFinalMerchantOrderStatus).sort()).toEqual([
      'CANCELLED',
      'REFUNDED',
    ]);
  });
});
