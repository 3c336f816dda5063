// The operational HTTP side of one app instance, for createApp: the access log with request ids, /readyz,
// /metrics and the operator pages. Built from parts checkout-server.ts has already made (the metrics,
// the refunds service); it starts nothing.
import { Router, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { DatabaseHandle } from '../../db/create-db';
import type { Logger } from '../logger';
import type { CancelledOrder } from '../payments/merchant-orders/cancel-merchant-order';
import type { RefundService } from '../refunds/refund-service';
import { metricsRoute, readinessRoute } from '../observability/probe-routes';
import { operatorRoutes } from './operator-routes';
import { catalogueOpsRoutes, type CatalogueOpsDeps } from './routes/catalogue-ops-routes';
import { createReadinessCheck } from '../observability/readiness';
import { requestLogging } from '../observability/request-logging';
import { watchForwardedHeaders } from '../security/forwarded-header-watch';
import type { TrustProxySetting } from '../security/trust-proxy';

export interface OperationsHttpDeps {
  database: DatabaseHandle;
  /** The ZaloPay API base URL in use, probed by /readyz. */
  gatewayUrl: string;
  /** What /metrics exports. */
  metricsRegistry: Registry;
  /** Set: /metrics requires it as a bearer token (METRICS_TOKEN). */
  metricsToken?: string | undefined;
  /** Unset: the operator pages under /ops do not exist (404). */
  adminToken: string | undefined;
  /** What the operator pages' refund form calls. */
  refunds: RefundService;
  /** The operator's "Cancel order" (PaymentsService.cancelOrder as 'operator'); unset: not offered. */
  cancelOrder?: ((shopOrderId: string) => Promise<CancelledOrder>) | undefined;
  /** Where shoppers reach us; an https URL makes the operator cookie Secure. */
  publicBaseUrl: string;
  /** TRUST_PROXY: off, X-Forwarded-For on requests is reported in the log and /readyz. */
  trustProxy: TrustProxySetting;
  log: Logger;
  /** The Products and Shop pages' services; omitted: those pages do not exist. */
  catalogue?: Omit<CatalogueOpsDeps, 'db' | 'log'>;
}

export interface OperationsHttp {
  requestLogging: RequestHandler;
  routes: Router;
}

export type ProbeRoutesDeps = Pick<
  OperationsHttpDeps,
  'database' | 'gatewayUrl' | 'metricsRegistry' | 'metricsToken'
>;

/** /readyz and /metrics alone: all a ROLE=worker instance serves besides /healthz. */
export function probeRoutes(
  deps: ProbeRoutesDeps,
  forwardedWarnings?: Parameters<typeof readinessRoute>[1],
): Router {
  const routes = Router();
  routes.use(
    readinessRoute(
      createReadinessCheck({ db: deps.database.db, gatewayUrl: deps.gatewayUrl }),
      forwardedWarnings,
    ),
  );
  routes.use(metricsRoute(deps.metricsRegistry, deps.metricsToken));
  return routes;
}

export function operationsHttp(deps: OperationsHttpDeps): OperationsHttp {
  const db = deps.database.db;
  const routes = Router();
  const forwarded = watchForwardedHeaders(deps.trustProxy, deps.log);
  routes.use(probeRoutes(deps, forwarded.warnings));
  routes.use(
    operatorRoutes({
      adminToken: deps.adminToken,
      db,
      refunds: deps.refunds,
      cancelOrder: deps.cancelOrder,
      log: deps.log,
      secureCookies: deps.publicBaseUrl.startsWith('https://'),
      publicOrigin: new URL(deps.publicBaseUrl).origin,
      pages: deps.catalogue ? [catalogueOpsRoutes({ ...deps.catalogue, db, log: deps.log })] : [],
    }),
  );
  const logging = requestLogging(deps.log);
  return {
    requestLogging: (req, res, next) =>
      forwarded.middleware(req, res, () => logging(req, res, next)),
    routes,
  };
}
