// The app factory: ZaloPay's callback (its own Node listener), then Express for the REST contract, tRPC at
// /trpc and the React client. It only wires routes to services; main.ts builds them and tests pass their own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type RequestHandler, type Router } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Logger } from './logger';
import type { PaymentsService } from './payments/payments-service';
import { appRouter } from './trpc/router';
import { callbackListener, isCallbackRequest } from './http/callback-listener';
import { paymentRestRoutes } from './http/payment-rest-routes';
import { spaRoute } from './http/spa-route';
import { jsonErrorHandler } from './http/error-handler';
import { healthRoutes } from './http/health-routes';
import { securityHeaders } from './security/security-headers';
import { createPaymentRateLimit } from './security/create-rate-limit';
import type { TrustProxySetting } from './security/trust-proxy';

export interface AppDeps {
  payments: PaymentsService;
  log: Logger;
  /** The built client (dist/client); omit to serve the API only. */
  clientDir?: string;
  /** Request logging, /readyz, /metrics and the /ops pages (server/ops/operations.ts). */
  operations?: { requestLogging: RequestHandler; routes: Router };
  /** Headers, client IPs and the create rate limit (docs/security.md); omitted: plain http, no proxy, no limit. */
  security?: AppSecurity;
}

export interface AppSecurity {
  /** PUBLIC_BASE_URL is https (adds HSTS). */
  https: boolean;
  trustProxy: TrustProxySetting;
  createRateLimitPerMinute: number;
}

const NO_PROXY_NO_LIMIT: AppSecurity = {
  https: false,
  trustProxy: false,
  createRateLimitPerMinute: 0,
};

/** A Node `request` listener: pass it to http.createServer. */
export type CheckoutApp = (req: IncomingMessage, res: ServerResponse) => void;

export function createApp({
  payments,
  log,
  clientDir,
  operations,
  security = NO_PROXY_NO_LIMIT,
}: AppDeps): CheckoutApp {
  // ZaloPay's server-to-server callback is the hot path and has no browser: it is answered before
  // Express, so without the security headers and the access log. It logs its own outcomes and is
  // counted in /metrics.
  const callback = callbackListener(payments, log);
  const app = express();
  app.disable('x-powered-by');
  // API answers carry the server's time, so no two match: hashing each one for an ETag was wasted work.
  app.set('etag', false);
  app.set('trust proxy', security.trustProxy);
  app.use(securityHeaders({ https: security.https }));
  const createLimit = createPaymentRateLimit(security.createRateLimitPerMinute);

  if (operations) app.use(operations.requestLogging);
  // The busiest routes first: every router a request passes costs it (the shoppers' pages poll tRPC).
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req }) => ({ payments: createLimit.portFor(payments, req) }),
      maxBodySize: 8 * 1024,
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, path }, 'tRPC error');
      },
    }),
  );
  app.post('/api/payment/create', createLimit.restRoute);
  app.use(paymentRestRoutes(payments));
  app.use(healthRoutes());
  // After the shoppers' API, which is busier: each router passed costs every request behind it.
  if (operations) app.use(operations.routes);
  if (clientDir) app.use(spaRoute(clientDir));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'Not found' } });
  });
  app.use(jsonErrorHandler(log));
  return (req, res) => (isCallbackRequest(req) ? callback(req, res) : app(req, res));
}
