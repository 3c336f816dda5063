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
import { catalogueOpsRoutes, type CatalogueOpsDeps } from './catalogue-ops-routes';
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
  /** The Products and Shop pages' services; omitted: those pages do not exist. */
  catalogue?: Omit<CatalogueOpsDeps, 'db' | 'log'>;
}

export interface OperationsHttp {
  requestLogging: RequestHandler;
  routes: Router;
}

export function operationsHttp(deps: OperationsHttpDeps): OperationsHttp {
  const db = deps.database.db;
  const routes = Router();
  routes.use(readinessRoute(createReadinessCheck({ db, gatewayUrl: deps.gatewayUrl })));
  routes.use(metricsRoute(deps.metricsRegistry, deps.metricsToken));
  routes.use(
    operatorRoutes({
      adminToken: deps.adminToken,
      db,
      refunds: deps.refunds,
      log: deps.log,
      secureCookies: deps.publicBaseUrl.startsWith('https://'),
      publicOrigin: new URL(deps.publicBaseUrl).origin,
      pages: deps.catalogue ? [catalogueOpsRoutes({ ...deps.catalogue, db, log: deps.log })] : [],
    }),
  );
  return { requestLogging: requestLogging(deps.log), routes };
}
