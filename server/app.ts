// The app factory: one Express app. ZaloPay's callback is an Express route reading the raw body; tRPC
// is tRPC's Express adapter at /trpc; then the REST contract, health, the operator routes and the React
// client (docs/decisions/012). It only wires routes to services; main.ts builds the services and tests
// pass their own.
import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Logger } from './logger';
import type { PaymentsService } from './payments/payments-service';
import { CALLBACK_PATH } from './payments/callbacks/callback-path';
import { callbackRoute } from './http/callback-route';
import { TRPC_MOUNT_PATH, trpcRoute } from './http/trpc-route';
import { orderRestRoutes } from './http/order-rest-routes';
import { paymentRestRoutes } from './http/payment-rest-routes';
import { spaRoute } from './http/spa-route';
import { compressedAnswers } from './http/compressed-answers';
import { tracingOn } from './telemetry/spans';
import { httpSpans } from './telemetry/http-spans';
import { jsonErrorHandler } from './http/error-handler';
import { healthRoutes } from './http/health-routes';
import { securityHeaders } from './security/security-headers';
import { createPaymentRateLimit, ORDER_RATE_LIMIT_MESSAGE } from './security/create-rate-limit';
import { createRedirectReportLimit } from './security/redirect-report-limit';
import type { TrustProxySetting } from './security/trust-proxy';
import { MERCHANT_API_PATH } from './merchant-api/v1-router';
import type { Database } from '../db/create-db';
import type { StorefrontCache } from './catalogue/storefront-cache';
import { imageRoutes } from './http/image-routes';
import { faviconRoute } from './http/favicon-route';

export interface AppDeps {
  payments: PaymentsService;
  log: Logger;
  /** The built client (dist/client); omit to serve the API only. */
  clientDir?: string;
  /** Request logging, /readyz, /metrics and the /ops pages (server/ops/operations.ts). */
  operations?: { requestLogging: RequestHandler; routes: Router };
  /** Headers, client IPs and the create rate limit (docs/security.md); omitted: plain http, no proxy, no limit. */
  security?: AppSecurity;
  /**
   * ACCEPT_CLIENT_AMOUNTS: whether POST /api/payment/create takes the guide's {amount, order_info}
   * (a one-off order for a client-given amount). Omitted: no, the server prices every order.
   */
  acceptClientAmounts?: boolean;
  /** The merchant API (server/merchant-api/v1-router.ts), mounted at /api/v1; omitted: no merchant API. */
  merchantApi?: Router;
  /**
   * The shop's profile and catalogue (server/catalogue/): inlined into the shop's HTML, its uploaded
   * images at /media, its favicon. Omitted: the client's index.html as built.
   */
  storefront?: { db: Database; cache: StorefrontCache };
}

export interface AppSecurity {
  /** PUBLIC_BASE_URL is https (adds HSTS). */
  https: boolean;
  trustProxy: TrustProxySetting;
  createRateLimitPerMinute: number;
  /** New merchant orders (carts) per client IP per minute, REST and tRPC together (0 or absent: no limit). */
  orderRateLimitPerMinute?: number;
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

/** An Express app is itself a Node `request` listener: pass it to http.createServer. */
export function createApp({
  payments,
  log,
  clientDir,
  operations,
  security = NO_PROXY_NO_LIMIT,
  acceptClientAmounts = false,
  merchantApi,
  storefront,
}: AppDeps): Express {
  const createLimit = createPaymentRateLimit(security.createRateLimitPerMinute);
  const orderLimit = createPaymentRateLimit(
    security.orderRateLimitPerMinute ?? 0,
    ORDER_RATE_LIMIT_MESSAGE,
  );

  const app = express();
  app.disable('x-powered-by');
  // API answers carry the server's time, so no two match: hashing each one for an ETag was wasted work.
  app.set('etag', false);
  app.set('trust proxy', security.trustProxy);
  // OTEL_EXPORTER_OTLP_ENDPOINT set: a span per request, the parent of everything the request does.
  if (tracingOn()) app.use(httpSpans());
  // ZaloPay's server-to-server callback has no browser: it comes before the security headers and the
  // access log (it logs its own outcomes and is counted in /metrics).
  app.post(CALLBACK_PATH, ...callbackRoute(payments, log));
  // Everything after the callback may be compressed (never the live stream: compressed-answers.ts).
  app.use(compressedAnswers());
  // Every browser-facing answer gets the security headers, then the access log line.
  app.use(securityHeaders({ https: security.https }));
  if (operations) app.use(operations.requestLogging);
  app.use(
    TRPC_MOUNT_PATH,
    ...trpcRoute({
      payments,
      log,
      limits: {
        creates: createLimit,
        orders: orderLimit,
        redirectReports: createRedirectReportLimit(security.redirectReportsPerMinute ?? 0),
      },
      liveStreamsPerClient: security.liveStreamsPerClient ?? 0,
      storefront: storefront?.cache,
    }),
  );
  app.post('/api/payment/create', createLimit.restRoute);
  app.post('/api/orders', orderLimit.restRoute);
  if (merchantApi) app.use(MERCHANT_API_PATH, merchantApi);
  app.use(paymentRestRoutes(payments, { acceptClientAmounts }));
  app.use(orderRestRoutes(payments));
  app.use(healthRoutes());
  // After the shoppers' API, which is busier: each router passed costs every request behind it.
  if (operations) app.use(operations.routes);
  if (storefront) app.use(imageRoutes(storefront.db), faviconRoute(storefront.cache));
  if (clientDir) app.use(spaRoute(clientDir, storefront?.cache));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'Not found' } });
  });
  app.use(jsonErrorHandler(log));
  return app;
}
