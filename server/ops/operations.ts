// Everything operational, assembled once per app instance for checkout-server.ts: metrics (and the
// metered ZaloPay client that feeds them), request logging, /readyz, /metrics, the operator pages,
// and refunds with their settling worker.
import { Router, type RequestHandler } from 'express';
import { and, eq, lt } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/create-db';
import { paymentOrders } from '../../db/schema';
import type { Logger } from '../logger';
import type { PaymentInputObserver } from '../payments/order-transitions';
import type { PaymentsService } from '../payments/payments-service';
import { createRefundService, type RefundService } from '../refunds/refund-service';
import { startRefundSettler } from '../refunds/refund-settler';
import type { ZaloPayClient } from '../zalopay';
import { oldestUndeliveredAgeSeconds } from '../webhooks/webhook-worker';
import { createCheckoutMetrics, type CheckoutMetrics } from './checkout-metrics';
import { meteredZaloPayClient } from './metered-zalopay-client';
import { metricsRoute, readinessRoute } from './ops-http-routes';
import { operatorRoutes } from './operator-routes';
import { paymentInputMetrics, withCallbackMetrics } from './payment-metrics';
import { createReadinessCheck } from './readiness';
import { requestLogging } from './request-logging';

export interface OperationsDeps {
  db: DatabaseHandle;
  /** The adapter's client; the rest of the app should use the metered one this returns. */
  zalopay: ZaloPayClient;
  /** The ZaloPay API base URL in use, probed by /readyz. */
  gatewayUrl: string;
  appId: number;
  adminToken: string | undefined;
  /** Set: /metrics requires it as a bearer token (METRICS_TOKEN). */
  metricsToken?: string | undefined;
  refundCheckIntervalMs: number;
  /** Where shoppers reach us; an https URL makes the operator cookie Secure. */
  publicBaseUrl: string;
  /** MERCHANT_WEBHOOK_URL is set: the undelivered-webhook gauge is measured (else it reads 0). */
  webhooksEnabled?: boolean;
  log: Logger;
}

export interface Operations {
  metrics: CheckoutMetrics;
  /** The ZaloPay client to give the payments domain: every call timed and counted. */
  zalopay: ZaloPayClient;
  /** For createPaymentsService and startPoller: counts transitions from the ledger. */
  onInputApplied: PaymentInputObserver;
  refunds: RefundService;
  /** The payments service as the callback route should see it: every callback counted. */
  observeCallbacks(payments: PaymentsService): PaymentsService;
  http: { requestLogging: RequestHandler; routes: Router };
  /** Stops the refund worker (call before closing the database). */
  stop(): Promise<void>;
}

export function startOperations(deps: OperationsDeps): Operations {
  const db = deps.db.db;
  const metrics = createCheckoutMetrics({
    countPendingPastExpiry: () =>
      db.$count(
        paymentOrders,
        and(eq(paymentOrders.status, 'PENDING'), lt(paymentOrders.expiresAt, new Date())),
      ),
    // With webhooks off, events wait unsent by design: nothing for an alert to see.
    oldestUndeliveredWebhookSeconds: async () =>
      deps.webhooksEnabled ? oldestUndeliveredAgeSeconds(db, new Date()) : 0,
  });
  const zalopay = meteredZaloPayClient(deps.zalopay, metrics);
  const refunds = createRefundService({
    db,
    zalopay,
    appId: deps.appId,
    log: deps.log,
    checkIntervalMs: deps.refundCheckIntervalMs,
    onRefundState: (state) => metrics.refunds.inc({ state }),
  });
  const settler = startRefundSettler({
    refunds,
    intervalMs: deps.refundCheckIntervalMs,
    log: deps.log,
  });

  const routes = Router();
  routes.use(readinessRoute(createReadinessCheck({ db, gatewayUrl: deps.gatewayUrl })));
  routes.use(metricsRoute(metrics.registry, deps.metricsToken));
  routes.use(
    operatorRoutes({
      adminToken: deps.adminToken,
      db,
      refunds,
      log: deps.log,
      secureCookies: deps.publicBaseUrl.startsWith('https://'),
      publicOrigin: new URL(deps.publicBaseUrl).origin,
    }),
  );

  return {
    metrics,
    zalopay,
    onInputApplied: paymentInputMetrics(metrics),
    refunds,
    observeCallbacks: (payments) => withCallbackMetrics(payments, metrics),
    http: { requestLogging: requestLogging(deps.log), routes },
    stop: () => settler.stop(),
  };
}
