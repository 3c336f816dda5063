// The browser's clock can be minutes off; the server's is the one ZaloPay agrees with. Every view carries
// `serverTime`, so the countdown to `expiresAt` runs on server time: browser time plus a measured offset.

/** How far the server's clock is ahead of the browser's, in ms, measured when a view arrives. */
export function measureClockOffset(serverTime: Date, browserNowMs: number = Date.now()): number {
  return serverTime.getTime() - browserNowMs;
}

/** Whole seconds left until `expiresAt` on the server's clock; never negative. */
export function secondsUntil(expiresAt: Date, browserNowMs: number, clockOffsetMs: number): number {
  const remainingMs = expiresAt.getTime() - (browserNowMs + clockOffsetMs);
  return Math.max(0, Math.ceil(remainingMs / 1000));
}

/** "14:05" for 845 seconds. */
export function formatMinutesSeconds(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
