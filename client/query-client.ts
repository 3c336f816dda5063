// TanStack Query defaults for the checkout: retry only what a retry can fix (never a 4xx such as NOT_FOUND),
// and never retry a mutation on our own: creating a payment is the shopper's decision.
import { QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { isRetryable } from './api-error';

const MAX_QUERY_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < MAX_QUERY_RETRIES &&
          (!(error instanceof TRPCClientError) || isRetryable(error)),
      },
      mutations: { retry: false },
    },
  });
}
