// Everything the components rely on, in one place: TanStack Query, the tRPC context, the language, the
// shop's profile and the live region. main.tsx passes the browser's tRPC client; tests pass one wired to the router in memory.
import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { LiveAnnouncerProvider } from './a11y/live-announcer';
import { LanguageProvider } from './i18n/language-context';
import { TRPCProvider, type AppTrpcClient } from './trpc';
import type { StorefrontView } from '../server/catalogue/storefront-view';
import { StorefrontProvider } from './storefront/shop-profile-context';

interface AppProvidersProps {
  trpcClient: AppTrpcClient;
  queryClient: QueryClient;
  /** The shop the page was served with; omitted: the demo café's profile, products asked for. */
  storefront?: StorefrontView | undefined;
  children: ReactNode;
}

export function AppProviders({ trpcClient, queryClient, storefront, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <LanguageProvider>
          <StorefrontProvider profile={storefront?.profile} initialProducts={storefront?.products}>
            <LiveAnnouncerProvider>{children}</LiveAnnouncerProvider>
          </StorefrontProvider>
        </LanguageProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
