// reportRedirect appends the shopper's return from ZaloPay to the ledger, and anyone can call it: one
// client wrote about 80 rows a second, and 758 rows made a 750 KB operator page (issue 14). The same
// redirect (order and query) is recorded once per instance and its hint reused; a client IP may report
// REDIRECT_REPORTS_PER_MINUTE different ones (0: no limit), then gets TOO_MANY_REQUESTS.
import { TRPCError } from '@trpc/server';
import { ipKeyGenerator } from 'express-rate-limit';
import { LRUCache } from 'lru-cache';
import type { RedirectHint } from '../payments/redirect-report';
import type { PaymentsPort } from '../payments/payments-port';

const WINDOW_MS = 60_000;
/** How long a redirect already recorded is answered from memory. */
const REMEMBERED_MS = 10 * 60_000;
const MESSAGE = 'Too many redirect reports from your network. Please wait a minute.';

export interface RedirectReportLimit {
  /** The port one tRPC request sees: reportRedirect deduplicated and limited, the rest untouched. */
  portFor(payments: PaymentsPort, clientIp: () => string): PaymentsPort;
}

/** The redirect as a key: its parameters sorted, so their order in the URL does not matter. */
function redirectKey(query: Record<string, string>): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function createRedirectReportLimit(perMinute: number): RedirectReportLimit {
  // A fixed window per client (IPv6 per /56, as the create limit): the count lives until the window ends.
  const reportsByClient = new LRUCache<string, number>({ max: 100_000, ttl: WINDOW_MS });
  const recorded = new LRUCache<string, Promise<RedirectHint>>({ max: 10_000, ttl: REMEMBERED_MS });

  return {
    portFor(payments, clientIp) {
      async function reportRedirect(query: Record<string, string>): Promise<RedirectHint> {
        const key = redirectKey(query);
        const earlier = recorded.get(key);
        if (earlier) return earlier;
        const client = ipKeyGenerator(clientIp());
        const reports = (reportsByClient.get(client) ?? 0) + 1;
        reportsByClient.set(client, reports, { noUpdateTTL: true });
        if (perMinute > 0 && reports > perMinute) {
          throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: MESSAGE });
        }
        const reporting = payments.reportRedirect(query);
        recorded.set(key, reporting);
        reporting.catch(() => recorded.delete(key));
        return reporting;
      }
      // Every other call goes straight to the port (its methods are found through the prototype).
      return Object.assign(Object.create(payments) as PaymentsPort, { reportRedirect });
    },
  };
}
