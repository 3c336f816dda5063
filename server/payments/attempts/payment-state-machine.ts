// The order state machine of docs/design.md §3 as data: which status may follow which, and nothing else.
// PAID is final; FAILED and EXPIRED may still become PAID when signed proof of payment arrives late.
import type { PaymentStatus } from '../status/payment-view';

const NEXT_STATUSES: Record<PaymentStatus, readonly PaymentStatus[]> = {
  PENDING: ['PAID', 'FAILED', 'EXPIRED'],
  FAILED: ['PAID'],
  EXPIRED: ['PAID'],
  PAID: [],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export function isTerminal(status: PaymentStatus): boolean {
  return status !== 'PENDING';
}

/** A transition into PAID from anything but PENDING: money moved after we had given up on the order. */
export function isLatePayment(from: PaymentStatus): boolean {
  return from === 'FAILED' || from === 'EXPIRED';
}
