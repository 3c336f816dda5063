// reportRedirect appends the shopper's return from ZaloPay to the ledger, and anyone can call it: one
// client wrote about 80 rows a second, and 758 rows made a 750 KB operator page. The same
// redirect (order and query) is recorded once per instance and its answer reused; a client IP may report
// REDIRECT_REPORTS_PER_MINUTE different ones (0: no limit). server/trpc/call-limits.ts applies it.
import { ipKeyGenerator } from 'express-rate-limit';
import { LRUCache } from 'lru-cache';

const WINDOW_MS = 60_000;
/** How long a redirect already recorded is answered from memory. */
const REMEMBERED_MS = 10 * 60_000;
export const REDIRECT_REPORT_LIMIT_MESSAGE =
  'Too many redirect reports from your network. Please wait a minute.';

/** The client spent its budget of different redirects for this minute. */
export const OVER_LIMIT = Symbol('over the redirect report limit');

export interface RedirectReportLimit {
  /**
   * `record` for a redirect not seen lately, once the client's budget allows it; the earlier answer for
   * one seen lately (a failed `record` is forgotten, so a retry records it); OVER_LIMIT past the budget.
   * `clientIp` is asked only when a new redirect spends the budget.
   */
  once<T extends object>(
    query: Record<string, string>,
    clientIp: () => string,
    record: () => Promise<T>,
  ): Promise<T | typeof OVER_LIMIT>;
}

/** The redirect as a key: its parameters sorted, so their order in the URL does not matter. */
function redirectKey(query: Record<string, string>): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function createRedirectReportLimit(perMinute: number): RedirectReportLimit {
  // A fixed window per client (IPv6 per /56, as the create limit): the count lives until the window ends.
  const reportsByClient = new LRUCache<string, number>({ max: 100_000, ttl: WINDOW_MS });
  const recorded = new LRUCache<string, Promise<object>>({ max: 10_000, ttl: REMEMBERED_MS });

  return {
    once<T extends object>(
      query: Record<string, string>,
      clientIp: () => string,
      record: () => Promise<T>,
    ): Promise<T | typeof OVER_LIMIT> {
      const key = redirectKey(query);
      // The same query always comes from the same procedure, so its answer has the same type.
      const earlier = recorded.get(key) as Promise<T> | undefined;
      if (earlier) return earlier;
      const client = ipKeyGenerator(clientIp());
      const reports = (reportsByClient.get(client) ?? 0) + 1;
      reportsByClient.set(client, reports, { noUpdateTTL: true });
      if (perMinute > 0 && reports > perMinute) return Promise.resolve(OVER_LIMIT);
      const recording = record();
      recorded.set(key, recording);
      recording.catch(() => recorded.delete(key));
      return recording;
    },
  };
}
