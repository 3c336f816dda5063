// The browser's tRPC client: subscriptions over Server-Sent Events, everything else batched over HTTP,
// Dates kept intact by superjson, which is a chunk of its own fetched after the first paint (the shop's
// first page sends nothing: client/lazy-link.ts, client/after-first-paint.ts). Components reach it through useTRPC() (TanStack Query).
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../server/trpc/router';
import type { TrpcMaxBatchSize } from '../server/http/trpc-batch-limit';
import { afterFirstPaint } from './after-first-paint';
import { lazyLink } from './lazy-link';

/** The server's batch limit; a different number here does not compile. */
const MAX_BATCH_SIZE: TrpcMaxBatchSize = 10;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createBrowserTrpcClient(url = '/trpc') {
  return createTRPCClient<AppRouter>({
    links: [
      lazyLink(async () => {
        const { default: superjson } = await import('superjson');
        return splitLink({
          condition: (operation) => operation.type === 'subscription',
          true: httpSubscriptionLink({ url, transformer: superjson }),
          // The server refuses larger batches: split them here instead.
          false: httpBatchLink({ url, transformer: superjson, maxItems: MAX_BATCH_SIZE }),
        });
      }, afterFirstPaint),
    ],
  });
}

export type AppTrpcClient = ReturnType<typeof createBrowserTrpcClient>;
