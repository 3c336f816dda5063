// The refund state machine as data: which state may follow which. A refund starts PENDING (recorded, not
// yet accepted by ZaloPay), may become PROCESSING (ZaloPay has it), and settles as SUCCEEDED or FAILED.
import { refundState, type Refund } from '../../db/schema';

export type RefundState = Refund['state'];

export const REFUND_STATES: readonly RefundState[] = refundState.enumValues;

const NEXT_STATES: Record<RefundState, readonly RefundState[]> = {
  PENDING: ['PROCESSING', 'SUCCEEDED', 'FAILED'],
  PROCESSING: ['SUCCEEDED', 'FAILED'],
  SUCCEEDED: [],
  FAILED: [],
};

/** The states the settler still asks query_refund about. */
export const UNSETTLED_REFUND_STATES = REFUND_STATES.filter((state) => !isSettled(state));

export function canMoveRefund(from: RefundState, to: RefundState): boolean {
  return NEXT_STATES[from].includes(to);
}

/** SUCCEEDED (the money went back) or FAILED (nothing was refunded): final, with a settled_at. */
export function isSettled(state: RefundState): boolean {
  return NEXT_STATES[state].length === 0;
}
