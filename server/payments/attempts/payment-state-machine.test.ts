// The state machine table of docs/design.md §3, checked for every pair of statuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canTransition, isLatePayment, isTerminal } from './payment-state-machine';
import { PAYMENT_STATUSES } from '../status/payment-view';

describe('payment state machine', () => {
  it('allows exactly the transitions of the design', () => {
    const allowed = PAYMENT_STATUSES.flatMap((from) =>
      PAYMENT_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'EXPIRED->PAID',
        'FAILED->PAID',
        'PENDING->EXPIRED',
        'PENDING->FAILED',
        'PENDING->PAID',
      ].sort(),
    );
  });

  it('never leaves PAID, whatever sequence of requests arrives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PAYMENT_STATUSES), { maxLength: 20 }), (requests) => {
        let status: (typeof PAYMENT_STATUSES)[number] = 'PENDING';
        let reachedPaid = false;
        for (const to of requests) {
          if (canTransition(status, to)) status = to;
          if (status === 'PAID') reachedPaid = true;
          if (reachedPaid) expect(status).toBe('PAID');
        }
      }),
    );
  });

  it('calls only PENDING open, and only FAILED/EXPIRED -> PAID late', () => {
    expect(PAYMENT_STATUSES.filter((s) => !isTerminal(s))).toEqual(['PENDING']);
    expect(PAYMENT_STATUSES.filter(isLatePayment).sort()).toEqual(['EXPIRED', 'FAILED']);
  });
});
