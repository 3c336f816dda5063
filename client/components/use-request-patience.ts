// How long a shopper waits for the server to start a payment: after STILL_WORKING_AFTER_MS the page says it
// is still working, after GIVE_UP_AFTER_MS it gives up with a retry message (docs/decisions/011).
import { useEffect, useState } from 'react';

export const STILL_WORKING_AFTER_MS = 3_000;
export const GIVE_UP_AFTER_MS = 8_000;

export type RequestPatience = 'waiting' | 'still_working' | 'gave_up';

/**
 * `requestStartedAt`: when the request in flight was sent (TanStack's submittedAt), null when none is.
 * A new request (a retry while the old one still hangs) starts the clock again.
 */
export function useRequestPatience(
  requestStartedAt: number | null,
  stillWorkingAfterMs = STILL_WORKING_AFTER_MS,
  giveUpAfterMs = GIVE_UP_AFTER_MS,
): RequestPatience {
  const [patience, setPatience] = useState<{ startedAt: number; patience: RequestPatience }>();
  useEffect(() => {
    if (requestStartedAt === null) return;
    const mark = (next: RequestPatience) => () =>
      setPatience({ startedAt: requestStartedAt, patience: next });
    const stillWorking = setTimeout(mark('still_working'), stillWorkingAfterMs);
    const giveUp = setTimeout(mark('gave_up'), giveUpAfterMs);
    return () => {
      clearTimeout(stillWorking);
      clearTimeout(giveUp);
    };
  }, [requestStartedAt, stillWorkingAfterMs, giveUpAfterMs]);
  if (requestStartedAt === null || patience?.startedAt !== requestStartedAt) return 'waiting';
  return patience.patience;
}
