import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinutesSeconds, measureClockOffset, secondsUntil } from './clock-offset';

describe('clock offset', () => {
  it('measures how far the server clock is ahead of the browser clock', () => {
    const serverTime = new Date('2026-01-15T10:00:30Z');
    expect(measureClockOffset(serverTime, Date.parse('2026-01-15T10:00:00Z'))).toBe(30_000);
  });

  it('counts down on the server clock: a browser 2 minutes slow still sees the true time left', () => {
    const expiresAt = new Date('2026-01-15T10:15:00Z');
    const browserNow = Date.parse('2026-01-15T09:58:00Z');
    const serverAheadBy = 2 * 60_000;
    expect(secondsUntil(expiresAt, browserNow, serverAheadBy)).toBe(15 * 60);
    expect(secondsUntil(expiresAt, browserNow, 0)).toBe(17 * 60);
  });

  it('never goes below zero and never goes up as time passes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (expiresAtMs, offsetMs, startDistanceMs, elapsedMs) => {
          const expiresAt = new Date(expiresAtMs);
          const start = expiresAtMs - startDistanceMs;
          const before = secondsUntil(expiresAt, start, offsetMs);
          const after = secondsUntil(expiresAt, start + elapsedMs, offsetMs);
          return after >= 0 && after <= before;
        },
      ),
    );
  });

  it('formats minutes and seconds', () => {
    expect(formatMinutesSeconds(845)).toBe('14:05');
    expect(formatMinutesSeconds(59)).toBe('0:59');
    expect(formatMinutesSeconds(0)).toBe('0:00');
  });
});
