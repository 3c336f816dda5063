// The tRPC context: built from dependencies (the payments port, the limits), never from globals, so tests
// can pass their own. server/http/trpc-route.ts builds one per request from Express's request.
import type { PaymentsPort } from '../payments/payments-port';
import type { CreateRateLimit } from '../security/create-rate-limit';
import type { RedirectReportLimit } from '../security/redirect-report-limit';
import { createRedirectReportLimit } from '../security/redirect-report-limit';
import { createPaymentRateLimit } from '../security/create-rate-limit';

/** The budgets a caller spends (docs/security.md): payment creates, new orders, different redirects reported. */
export interface CallLimits {
  creates: Pick<CreateRateLimit, 'spend'>;
  orders: Pick<CreateRateLimit, 'spend'>;
  redirectReports: RedirectReportLimit;
}

export interface Context {
  payments: PaymentsPort;
  /**
   * The caller's IP address: Express's req.ip, the socket's peer or, with TRUST_PROXY, the address
   * X-Forwarded-For names past the trusted hops. A function: worked out only when a limit asks for it.
   */
  clientIp: () => string;
  limits: CallLimits;
}

/** A context with no limits, for tests that call the router in memory. */
export function unlimitedContext(payments: PaymentsPort): Context {
  return {
    payments,
    clientIp: () => '127.0.0.1',
    limits: {
      creates: createPaymentRateLimit(0),
      orders: createPaymentRateLimit(0),
      redirectReports: createRedirectReportLimit(0),
    },
  };
}
