// Views of one order arrive from several places (the create answer, the SSE stream, polling) and not
// always in order. The state machine only moves forward (PENDING -> FAILED/EXPIRED -> PAID, PAID is
// final), so the furthest status wins, and between equal statuses the one the server made last.
import type { PaymentStatus, PaymentView } from '../../server/payments/status/payment-view';

const PROGRESS: Record<PaymentStatus, number> = { PENDING: 0, FAILED: 1, EXPIRED: 1, PAID: 2 };

export function newestView(
  current: PaymentView | undefined,
  incoming: PaymentView | undefined,
): PaymentView | undefined {
  if (!current) return incoming;
  if (!incoming) return current;
  const progress = PROGRESS[incoming.status] - PROGRESS[current.status];
  if (progress !== 0) return progress > 0 ? incoming : current;
  return incoming.serverTime.getTime() >= current.serverTime.getTime() ? incoming : current;
}

export function isFinal(status: PaymentStatus): boolean {
  return status !== 'PENDING';
}
