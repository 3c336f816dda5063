// The backoff every retrying part of the app uses: doubling, the cap, the doubling limit and each jitter.
import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';

describe('backoffMs', () => {
  it('doubles the first wait per try, without jitter exactly', () => {
    const plain = { firstMs: 1_000, jitter: 'none' } as const;
    expect([0, 1, 2, 3].map((tries) => backoffMs(plain, tries))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('stops at the cap, also for tries far past it', () => {
    const capped = { firstMs: 1_000, maxMs: 60_000, jitter: 'none' } as const;
    expect(backoffMs(capped, 6)).toBe(60_000);
    expect(backoffMs(capped, 5_000)).toBe(60_000);
  });

  it('stops doubling after maxDoublings', () => {
    const limited = { firstMs: 100, maxDoublings: 2, jitter: 'none' } as const;
    expect(backoffMs(limited, 2)).toBe(400);
    expect(backoffMs(limited, 9)).toBe(400);
  });

  it('treats a negative count of tries as the first', () => {
    expect(backoffMs({ firstMs: 5_000, jitter: 'none' }, -1)).toBe(5_000);
  });

  it('equal jitter lands between half and all of the step', () => {
    const equal = { firstMs: 8_000, jitter: 'equal' } as const;
    expect(backoffMs(equal, 0, () => 0)).toBe(4_000);
    expect(backoffMs(equal, 0, () => 0.999_999)).toBe(8_000);
    expect(backoffMs(equal, 0, () => 0.5)).toBe(6_000);
  });

  it('extra jitter adds up to half the step again', () => {
    const extra = { firstMs: 300, jitter: 'extra' } as const;
    expect(backoffMs(extra, 1, () => 0)).toBe(600);
    expect(backoffMs(extra, 1, () => 0.999_999)).toBe(900);
    for (let i = 0; i < 50; i += 1) {
      const wait = backoffMs(extra, 2);
      expect(wait).toBeGreaterThanOrEqual(1_200);
      expect(wait).toBeLessThanOrEqual(1_800);
    }
  });
});
