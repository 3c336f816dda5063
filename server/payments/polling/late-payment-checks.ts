// When an attempt closed without a payment (FAILED, EXPIRED) is queried again: a payment whose callback was
// lost is otherwise never found. ZaloPay's query answers for 48 hours after the order was made
// (docs/zalopay-protocol.md §4.3), so a few checks on a backoff fit in that window: after 10 minutes, 1 hour,
// 6 hours, 24 hours, and one last at 47 hours of the attempt's life.
import { z } from 'zod';

const HOUR_MS = 3_600_000;

/**
 * Waits before each check, the first from the moment the attempt closed (LATE_CHECK_DELAYS_MS); the last
 * check is pinned below the 48-hour window.
 */
export const LATE_CHECK_DELAYS_MS: readonly number[] = [
  600_000,
  HOUR_MS,
  6 * HOUR_MS,
  24 * HOUR_MS,
];

/** ZaloPay's query window, less an hour of margin for clocks and a busy poller. */
export const LAST_LATE_CHECK_AFTER_APP_TIME_MS = 47 * HOUR_MS;

/**
 * When the next check is due, `from` the moment the attempt closed (done = 0) or the last check ran: each
 * wait longer than the one before, the last check pinned at 47 hours of the attempt's life; null once a
 * check has run past that point or the schedule is over.
 */
export function nextLateCheckAt(
  appTime: number,
  from: Date,
  done: number,
  delays: readonly number[] = LATE_CHECK_DELAYS_MS,
): Date | null {
  const lastAt = appTime + LAST_LATE_CHECK_AFTER_APP_TIME_MS;
  if (done > delays.length || from.getTime() >= lastAt) return null;
  const delay = delays[done];
  if (delay !== undefined && from.getTime() + delay < lastAt)
    return new Date(from.getTime() + delay);
  return new Date(lastAt);
}

/** The LATE_CHECK_DELAYS_MS setting: comma-separated milliseconds, e.g. "600000,3600000". */
export const delayListSchema = z
  .string()
  .trim()
  .regex(/^\d+(\s*,\s*\d+)*$/, 'a comma-separated list of milliseconds, e.g. 600000,3600000')
  .transform((list) => list.split(',').map(Number));
