// TanStack Query defaults for the checkout: retry only what a retry can fix (never a 4xx such as NOT_FOUND),
// and never retry a mutation on our own (creating a payment is the shopper's decision), except across a
// database restart: the server answered 503 "try again" before doing anything, so the request is sent
// again quietly, spaced by its Retry-After, within the page's patience (use-request-patience.ts).
import { QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { isDatabaseOutage, isRetryable } from './api-error';
import { GIVE_UP_AFTER_MS } from './components/use-request-patience';

const MAX_QUERY_RETRIES = 2;
/** At most this long between two tries across a database outage, whatever Retry-After says. */
const MAX_OUTAGE_RETRY_DELAY_MS = 2_000;
/** Retries across an outage: all of them fit in the patience window, after which the page gives up. */
export const MAX_OUTAGE_RETRIES = Math.floor(GIVE_UP_AFTER_MS / MAX_OUTAGE_RETRY_DELAY_MS) - 1;

function outage(error: unknown): boolean {
  return error instanceof TRPCClientError && isDatabaseOutage(error);
}

/** TanStack's retry: `failureCount` earlier failures; across an outage, up to MAX_OUTAGE_RETRIES. */
export function retriesOutage(failureCount: number, error: unknown): boolean {
  return outage(error) && failureCount < MAX_OUTAGE_RETRIES;
}

/** The wait before the next try: the server's Retry-After across an outage, capped; else TanStack's back-off. */
export function retryDelayMs(failureCount: number, error: unknown): number {
  if (error instanceof TRPCClientError && isDatabaseOutage(error)) {
    const seconds = Number(error.data?.retryAfterSeconds);
    return Math.min(Number.isFinite(seconds) ? seconds * 1000 : 1000, MAX_OUTAGE_RETRY_DELAY_MS);
  }
  return Math.min(1000 * 2 ** failureCount, 30_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          retriesOutage(failureCount, error) ||
          (failureCount < MAX_QUERY_RETRIES &&
            (!(error instanceof TRPCClientError) || isRetryable(error))),
        retryDelay: retryDelayMs,
      },
      mutations: { retry: retriesOutage, retryDelay: retryDelayMs },
    },
  });
}
