// The app factory: ZaloPay's callback and the tRPC API on their own Node handlers, then Express for the
// REST contract, the operator routes and the React client. It only wires routes to services; main.ts
// builds the services and tests pass their own.
import express, { type Router } from 'express';
import type { Logger } from './logger';
import type { PaymentsService } from './payments/payments-service';
import { callbackListener, isCallbackRequest } from './http/callback-listener';
import type { NodeHandler, NodeMiddleware } from './http/node-middleware';
import { isTrpcRequest, trpcListener } from './http/trpc-listener';
import { orderRestRoutes } from './http/order-rest-routes';
import { paymentRestRoutes } from './http/payment-rest-routes';
import { spaRoute } from './http/spa-route';
import { jsonErrorHandler } from './http/error-handler';
import { healthRoutes } from './http/health-routes';
import { securityHeaders } from './security/security-headers';
import { clientIpResolver } from './security/client-ip';
import { createPaymentRateLimit } from './security/create-rate-limit';
import { createLiveStreamCap } from './security/live-stream-cap';
import { createRedirectReportLimit } from './security/redirect-report-limit';
import type { TrustProxySetting } from './security/trust-proxy';

export interface AppDeps {
  payments: PaymentsService;
  log: Logger;
  /** The built client (dist/client); omit to serve the API only. */
  clientDir?: string;
  /** Request logging, /readyz, /metrics and the /ops pages (server/ops/operations.ts). */
  operations?: { requestLogging: NodeMiddleware; routes: Router };
  /** Headers, client IPs and the create rate limit (docs/security.md); omitted: plain http, no proxy, no limit. */
  security?: AppSecurity;
  /**
   * ACCEPT_CLIENT_AMOUNTS: whether POST /api/payment/create takes the guide's {amount, order_info}
   * (a one-off order for a client-given amount). Omitted: no, the server prices every order.
   */
  acceptClientAmounts?: boolean;
}

export interface AppSecurity {
  /** PUBLIC_BASE_URL is https (adds HSTS). */
  https: boolean;
  trustProxy: TrustProxySetting;
  createRateLimitPerMinute: number;
  /** Live status streams one client IP may hold at once (0 or absent: no cap). */
  liveStreamsPerClient?: number;
  /** Different redirects one client IP may report a minute (0 or absent: no limit). */
  redirectReportsPerMinute?: number;
}

const NO_PROXY_NO_LIMIT: AppSecurity = {
  https: false,
  trustProxy: false,
  createRateLimitPerMinute: 0,
};

/** A Node `request` listener: pass it to http.createServer. */
export type CheckoutApp = NodeHandler;

export function createApp({
  payments,
  log,
  clientDir,
  operations,
  security = NO_PROXY_NO_LIMIT,
  acceptClientAmounts = false,
}: AppDeps): CheckoutApp {
  const headers = securityHeaders({ https: security.https });
  // Every browser-facing answer gets the security headers, then the access log line.
  const inFront = operations ? [headers, operations.requestLogging] : [headers];
  const createLimit = createPaymentRateLimit(security.createRateLimitPerMinute);
  const clientIp = clientIpResolver(security.trustProxy);

  // ZaloPay's server-to-server callback is the hot path and has no browser: no security headers and no
  // access line (it logs its own outcomes and is counted in /metrics).
  const callback = callbackListener(payments, log);
  const trpc = trpcListener({
    payments,
    log,
    createLimit,
    redirectLimit: createRedirectReportLimit(security.redirectReportsPerMinute ?? 0),
    liveStreams: createLiveStreamCap(security.liveStreamsPerClient ?? 0, clientIp),
    clientIp,
    middlewares: inFront,
  });

  const app = express();
  app.disable('x-powered-by');
  // API answers carry the server's time, so no two match: hashing each one for an ETag was wasted work.
  app.set('etag', false);
  app.set('trust proxy', security.trustProxy);
  for (const middleware of inFront) app.use(middleware);
  app.post(['/api/payment/create', '/api/orders'], createLimit.restRoute);
  app.use(paymentRestRoutes(payments, { acceptClientAmounts }));
  app.use(orderRestRoutes(payments));
  app.use(healthRoutes());
  // After the shoppers' API, which is busier: each router passed costs every request behind it.
  if (operations) app.use(operations.routes);
  if (clientDir) app.use(spaRoute(clientDir));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'Not found' } });
  });
  app.use(jsonErrorHandler(log));

  return (req, res) => {
    if (isCallbackRequest(req)) callback(req, res);
    else if (isTrpcRequest(req)) trpc(req, res);
    else app(req, res);
  };
}
