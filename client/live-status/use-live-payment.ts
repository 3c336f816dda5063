// Follows one order until it is final: the tRPC subscription (SSE) pushes every change at once, and
// polling getStatus is the fallback. Polling is fast until the stream has proven itself by delivering an
// event (a proxy can hold back a stream that looks connected), then slow. Both stop once the order is final.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import type { PaymentView } from '../../server/payments/status/payment-view';
import { useTRPC } from '../trpc';
import { isFinal, newestView } from './newest-view';

export const DEFAULT_POLL_INTERVAL_MS = 3_000;
const POLL_INTERVAL_WHILE_STREAMING_MS = 15_000;

export interface LivePaymentOptions {
  /** Keep listening and polling while the order is PENDING; false stops both. */
  watching: boolean;
  pollIntervalMs?: number;
}

export function useLivePayment(
  appTransId: string,
  { watching, pollIntervalMs = DEFAULT_POLL_INTERVAL_MS }: LivePaymentOptions,
) {
  const trpc = useTRPC();
  const [pushed, setPushed] = useState<PaymentView>();
  const [streaming, setStreaming] = useState(false);

  const polled = useQuery({
    ...trpc.getStatus.queryOptions({ appTransId }),
    refetchInterval: (query) => {
      const latest = newestView(query.state.data, pushed);
      if (!watching || !latest || isFinal(latest.status)) return false;
      return streaming ? POLL_INTERVAL_WHILE_STREAMING_MS : pollIntervalMs;
    },
  });

  const latest = newestView(polled.data, pushed);
  const pending = latest?.status === 'PENDING';

  useSubscription(
    trpc.onStatusChange.subscriptionOptions(
      { appTransId },
      {
        enabled: watching && pending,
        onData: (view) => {
          setStreaming(true);
          setPushed((previous) => newestView(previous, view));
        },
        onError: () => setStreaming(false),
        onConnectionStateChange: (state) => {
          if (state.state !== 'pending') setStreaming(false);
        },
      },
    ),
  );

  return {
    view: latest,
    /** The first getStatus failed and nothing else has arrived yet. */
    error: latest ? null : polled.error,
    checkAgain: () => void polled.refetch(),
  };
}
