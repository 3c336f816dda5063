// The late-payment schedule: longer and longer waits from the close, the last check pinned at 47 hours of
// the attempt's life (ZaloPay's query answers for 48), and nothing after it.
import { describe, expect, it } from 'vitest';
import { LAST_LATE_CHECK_AFTER_APP_TIME_MS, nextLateCheckAt } from './late-payment-checks';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const appTime = Date.UTC(2026, 11, 4, 3, 0, 0);
const closedAt = new Date(appTime + 15 * MINUTE);

describe('nextLateCheckAt', () => {
  it('checks 10 minutes, then 1, 6 and 24 hours after the one before, then once at 47 hours', () => {
    const times: number[] = [];
    let from = closedAt;
    for (let done = 0; done < 10; done += 1) {
      const next = nextLateCheckAt(appTime, from, done);
      if (!next) break;
      times.push(next.getTime() - appTime);
      from = next;
    }
    expect(times).toEqual([
      25 * MINUTE,
      85 * MINUTE,
      6 * HOUR + 85 * MINUTE,
      30 * HOUR + 85 * MINUTE,
      LAST_LATE_CHECK_AFTER_APP_TIME_MS,
    ]);
  });

  it('pins a wait that would pass the window to 47 hours, and stops once a check ran past it', () => {
    const lateClose = new Date(appTime + 40 * HOUR);
    expect(nextLateCheckAt(appTime, lateClose, 3)?.getTime()).toBe(
      appTime + LAST_LATE_CHECK_AFTER_APP_TIME_MS,
    );
    expect(nextLateCheckAt(appTime, new Date(appTime + 47 * HOUR), 4)).toBeNull();
    expect(nextLateCheckAt(appTime, closedAt, 5)).toBeNull();
  });

  it('takes its waits from the setting', () => {
    expect(nextLateCheckAt(appTime, closedAt, 0, [5_000])?.getTime()).toBe(
      closedAt.getTime() + 5_000,
    );
  });
});
