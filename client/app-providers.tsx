// Everything the components rely on, in one place: TanStack Query, the tRPC context, the language and the
// live region. main.tsx passes the browser's tRPC client; tests pass one wired to the router in memory.
import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { LiveAnnouncerProvider } from './a11y/live-announcer';
import { LanguageProvider } from './i18n/language-context';
import { TRPCProvider, type AppTrpcClient } from './trpc';

interface AppProvidersProps {
  trpcClient: AppTrpcClient;
  queryClient: QueryClient;
  children: ReactNode;
}

export function AppProviders({ trpcClient, queryClient, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <LanguageProvider>
          <LiveAnnouncerProvider>{children}</LiveAnnouncerProvider>
        </LanguageProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
