// What each answer of ZaloPay's asks of a refund, without a database: /v2/refund's answers
// (send-refund.ts) and /v2/query_refund's (settle-refunds.ts), each a move the state table allows.
import { describe, expect, it } from 'vitest';
import type { Refund } from '../../db/schema';
import type { QueryRefundOutcome, RefundOutcome } from '../zalopay';
import { canMoveRefund, type RefundState } from './refund-state-machine';
import { changeFromQueryAnswer } from './settle-refunds';
import { changeFromRefundAnswer } from './send-refund';

const REQUESTED_AT = Date.UTC(2026, 10, 25, 3, 0, 0);
const minutesLater = (minutes: number) => new Date(REQUESTED_AT + minutes * 60_000);

function refundIn(state: RefundState): Refund {
  return { state, requestedAtMs: REQUESTED_AT } as Partial<Refund> as Refund;
}

describe("ZaloPay's answers to a refund", () => {
  it('turns each /v2/refund answer into the state it reports', () => {
    const answers: RefundOutcome[] = [
      { kind: 'refunded', refundId: '1' },
      { kind: 'processing', refundId: '2' },
      { kind: 'duplicate' },
      { kind: 'rejected', returnCode: 2, subReturnCode: -14, message: 'over' },
    ];
    expect(answers.map((answer) => changeFromRefundAnswer(answer))).toEqual([
      { to: 'SUCCEEDED', fields: { zpRefundId: '1' } },
      { to: 'PROCESSING', fields: { zpRefundId: '2' } },
      { to: 'PROCESSING' },
      { to: 'FAILED', fields: { failureReason: 'ZaloPay refused the refund (2/-14): over' } },
    ]);
    for (const answer of answers) {
      expect(canMoveRefund('PENDING', changeFromRefundAnswer(answer).to)).toBe(true);
    }
  });

  it('settles on query_refund, resends a PENDING refund ZaloPay never got, and fails it after 15 minutes', () => {
    const ask = (state: RefundState, outcome: QueryRefundOutcome, minutes = 1) =>
      changeFromQueryAnswer(refundIn(state), outcome, minutesLater(minutes));
    expect(ask('PROCESSING', { kind: 'refunded' })).toEqual({ to: 'SUCCEEDED' });
    expect(ask('PENDING', { kind: 'processing', needsManualHandling: false })).toEqual({
      to: 'PROCESSING',
    });
    expect(ask('PROCESSING', { kind: 'processing', needsManualHandling: true })).toBeNull();
    expect(ask('PROCESSING', { kind: 'failed', subReturnCode: -3, message: 'no' })).toEqual({
      to: 'FAILED',
      fields: { failureReason: 'ZaloPay could not refund (-3): no' },
    });
    expect(
      ask('PROCESSING', {
        kind: 'failed',
        subReturnCode: -3,
        message: 'no',
        unexpectedReturnCode: 9,
      }),
    ).toBeNull();
    expect(ask('PENDING', { kind: 'not_found' }, 14)).toBe('resend');
    expect(ask('PROCESSING', { kind: 'not_found' }, 14)).toBeNull();
    expect(ask('PENDING', { kind: 'not_found' }, 15)).toEqual({
      to: 'FAILED',
      fields: { failureReason: 'ZaloPay never received this refund; nothing was refunded' },
    });
  });
});
