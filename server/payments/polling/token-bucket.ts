// A token bucket for outbound calls: at most `ratePerSecond` on average, bursts up to `burst`.
// Each caller reserves its token up front, so waiters are served in order and never spin.
import { setTimeout as sleep } from 'node:timers/promises';

export interface TokenBucket {
  /** Resolves true when the caller may go ahead, false if the signal aborted while waiting. */
  take(signal?: AbortSignal): Promise<boolean>;
  /**
   * Now or never: takes a token only if `keep` tokens are still left after it, and never while a
   * waiting caller of take() is owed one. For callers with a cheaper fallback than waiting.
   */
  tryTake(keep?: number): boolean;
}

export function createTokenBucket(
  ratePerSecond: number,
  burst: number = Math.max(1, ratePerSecond),
  clock: () => number = () => performance.now(),
): TokenBucket {
  if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
  let tokens = burst;
  let refilledAt = clock();

  function refill(): void {
    const now = clock();
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * ratePerSecond);
    refilledAt = now;
  }

  return {
    tryTake(keep = 0) {
      refill();
      if (tokens - 1 < keep) return false;
      tokens -= 1;
      return true;
    },
    async take(signal) {
      if (signal?.aborted) return false;
      refill();
      tokens -= 1;
      if (tokens >= 0) return true;
      const waitMs = (-tokens / ratePerSecond) * 1000;
      try {
        await sleep(waitMs, undefined, signal ? { signal } : undefined);
        return true;
      } catch {
        tokens += 1;
        return false;
      }
    },
  };
}
