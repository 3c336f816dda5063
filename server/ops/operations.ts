// The operational HTTP side of one app instance, for createApp: the access log with request ids, /readyz,
// /metrics and the operator pages. Built from parts checkout-server.ts has already made (the metrics,
// the refunds service); it starts nothing.
import { Router, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { DatabaseHandle } from '../../db/create-db';
import type { Logger } from '../logger';
import type { RefundService } from '../refunds/refund-service';
import { metricsRoute, readinessRoute } from './ops-http-routes';
import { operatorRoutes } from './operator-routes';
import { createReadinessCheck } from './readiness';
import { requestLogging } from './request-logging';

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
  /** Where shoppers reach us; an https URL makes the operator cookie Secure. */
  publicBaseUrl: string;
  log: Logger;
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
export function probeRoutes(deps: ProbeRoutesDeps): Router {
  const routes = Router();
  routes.use(
    readinessRoute(createReadinessCheck({ db: deps.database.db, gatewayUrl: deps.gatewayUrl })),
  );
  routes.use(metricsRoute(deps.metricsRegistry, deps.metricsToken));
  return routes;
}

export function operationsHttp(deps: OperationsHttpDeps): OperationsHttp {
  const db = deps.database.db;
  const routes = Router();
  routes.use(probeRoutes(deps));
  routes.use(
    operatorRoutes({
      adminToken: deps.adminToken,
      db,
      refunds: deps.refunds,
      log: deps.log,
      secureCookies: deps.publicBaseUrl.startsWith('https://'),
      publicOrigin: new URL(deps.publicBaseUrl).origin,
    }),
  );
  return { requestLogging: requestLogging(deps.log), routes };
}
