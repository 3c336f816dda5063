// The refund state table, checked for every pair of states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canMoveRefund,
  isSettled,
  REFUND_STATES,
  UNSETTLED_REFUND_STATES,
  type RefundState,
} from './refund-state-machine';

describe('refund state machine', () => {
  it('allows exactly PENDING -> PROCESSING and both to a settled state', () => {
    const allowed = REFUND_STATES.flatMap((from) =>
      REFUND_STATES.filter((to) => canMoveRefund(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'PENDING->FAILED',
        'PENDING->PROCESSING',
        'PENDING->SUCCEEDED',
        'PROCESSING->FAILED',
        'PROCESSING->SUCCEEDED',
      ].sort(),
    );
  });

  it('never leaves a settled state and never goes back to PENDING, whatever answers arrive', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REFUND_STATES), { maxLength: 20 }), (answers) => {
        let state: RefundState = 'PENDING';
        for (const to of answers) {
          const before = state;
          if (canMoveRefund(state, to)) state = to;
          if (isSettled(before)) expect(state).toBe(before);
          if (before !== 'PENDING') expect(state).not.toBe('PENDING');
        }
      }),
    );
  });

  it('settles at SUCCEEDED and FAILED only, so the settler asks about PENDING and PROCESSING', () => {
    expect(REFUND_STATES.filter(isSettled).sort()).toEqual(['FAILED', 'SUCCEEDED']);
    expect(UNSETTLED_REFUND_STATES).toEqual(['PENDING', 'PROCESSING']);
  });
});
