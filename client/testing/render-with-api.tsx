// Renders client components against the REAL tRPC router: a real tRPC client whose terminating link
// (unstable_localLink) calls appRouter in memory with a FakePayments port. Test-only: the browser bundle
// never imports this file, so server code stays out of it.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTRPCClient, unstable_localLink } from '@trpc/client';
import superjson from 'superjson';
import { onTestFinished } from 'vitest';
import { unlimitedContext } from '../../server/trpc/context';
import { appRouter, type AppRouter } from '../../server/trpc/router';
import { AppProviders } from '../app-providers';
import { createQueryClient } from '../query-client';
import { FakePayments } from './fake-payments';
import type { StorefrontView } from '../../server/catalogue/storefront-view';

export function renderWithApi(
  ui: ReactElement,
  payments: FakePayments = new FakePayments(),
  storefront?: StorefrontView,
) {
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      unstable_localLink({
        router: appRouter,
        createContext: async () => unlimitedContext(payments),
        transformer: superjson,
      }),
    ],
  });
  const queryClient = createQueryClient();
  onTestFinished(() => queryClient.clear());
  const user = userEvent.setup();
  const rendered = render(
    <AppProviders trpcClient={trpcClient} queryClient={queryClient} storefront={storefront}>
      {ui}
    </AppProviders>,
  );
  return { ...rendered, payments, queryClient, user };
}
