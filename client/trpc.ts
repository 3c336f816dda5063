// The browser's tRPC client: subscriptions over Server-Sent Events, everything else batched over HTTP,
// Dates kept intact by superjson. Components reach it through useTRPC() (TanStack Query options).
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import type { AppRouter } from '../server/trpc/router';
import type { TrpcMaxBatchSize } from '../server/http/trpc-batch-limit';

/** The server's batch limit; a different number here does not compile. */
const MAX_BATCH_SIZE: TrpcMaxBatchSize = 10;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createBrowserTrpcClient(url = '/trpc') {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        true: httpSubscriptionLink({ url, transformer: superjson }),
        // The server refuses larger batches: split them here instead.
        false: httpBatchLink({ url, transformer: superjson, maxItems: MAX_BATCH_SIZE }),
      }),
    ],
  });
}

export type AppTrpcClient = ReturnType<typeof createBrowserTrpcClient>;
