// Retries a ZaloPay call after a retryable ZaloPayError, with a bounded count and exponential backoff.
// Only calls that are safe to repeat come here: business answers are outcomes and never retried.
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffMs } from '../backoff';
import { ZaloPayError } from './errors';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
}

/** Runs attempt up to 1 + maxRetries times; the last error is rethrown as is. */
export async function withRetries<T>(policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof ZaloPayError && error.retryable;
      if (!retryable || retry >= policy.maxRetries) throw error;
      await sleep(backoffDelayMs(policy.baseDelayMs, retry));
    }
  }
}

/** base * 2^retry, plus up to 50% jitter so that many instances do not retry in step. */
export function backoffDelayMs(baseDelayMs: number, retry: number): number {
  return backoffMs({ firstMs: baseDelayMs, jitter: 'extra' }, retry);
}
