// When a refund is next asked about with query_refund: the first wait, then twice as long after each
// check, up to 10 minutes. The one place this schedule is written (its formula is server/backoff.ts's);
// the lease passes its times to SQL.
import { backoffMs } from '../backoff';

/** Never wait longer than this between two checks of one refund. */
export const MAX_CHECK_DELAY_MS = 10 * 60_000;
/** The wait stops doubling after this many checks (it has usually reached MAX_CHECK_DELAY_MS by then). */
export const MAX_DOUBLINGS = 10;

/** The wait before the next check of a refund already checked `checks` times. */
export function refundCheckDelayMs(checks: number, firstDelayMs: number): number {
  return backoffMs(
    {
      firstMs: firstDelayMs,
      maxMs: MAX_CHECK_DELAY_MS,
      maxDoublings: MAX_DOUBLINGS,
      jitter: 'none',
    },
    checks,
  );
}

export function nextRefundCheckAt(now: Date, checks: number, firstDelayMs: number): Date {
  return new Date(now.getTime() + refundCheckDelayMs(checks, firstDelayMs));
}

/**
 * The next check time for every number of checks so far, from 0 to MAX_DOUBLINGS (the last one also
 * stands for any higher number): what a statement claiming many refunds at once needs.
 */
export function nextRefundCheckTimes(now: Date, firstDelayMs: number): Date[] {
  return Array.from({ length: MAX_DOUBLINGS + 1 }, (_, checks) =>
    nextRefundCheckAt(now, checks, firstDelayMs),
  );
}
