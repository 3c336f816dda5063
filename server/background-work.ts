// The rounds a ROLE=worker (or all) instance runs beside HTTP: the poller, the abandoned-order closer, the
// pruner of never-attempted orders, fulfilment, refund checks and webhook deliveries. Each claims its rows
// under a lease, so any number of workers may run them together and a worker that dies leaves nothing
// behind that another (or its restart) does not pick up.
import type { Env } from './env';
import type { Logger } from './logger';
import type { DatabaseHandle } from '../db/create-db';
import type { ZaloPayClient } from './zalopay';
import type { PaymentsEvents } from './payments/domain-events';
import type { PaymentsConfig } from './payments/payments-config';
import type { QueryBudget } from './payments/polling/query-budget';
import { startPoller } from './payments/polling/poller';
import { startAbandonedOrderCloser } from './payments/merchant-orders/abandoned-orders';
import { startUnpaidOrderPruner } from './payments/merchant-orders/unpaid-order-pruner';
import { logFulfilmentHook, startFulfilmentWorker } from './payments/outbox/fulfilment-worker';
import type { RefundService } from './refunds/refund-service';
import { startRefundSettler } from './refunds/refund-settler';
import type { CheckoutMetrics } from './observability/checkout-metrics';
import { publicAddressesOnly } from './webhooks/webhook-destination';
import { startWebhookWorker } from './webhooks/webhook-worker';

export interface BackgroundWorkDeps {
  env: Env;
  log: Logger;
  database: DatabaseHandle;
  zalopay: ZaloPayClient;
  config: PaymentsConfig;
  events: PaymentsEvents;
  queryBudget: QueryBudget;
  refunds: RefundService;
  metrics: CheckoutMetrics;
}

export interface BackgroundWork {
  /** Lets each round in flight finish (releasing its leases) and starts no other. */
  stop(): Promise<void>;
}

export function startBackgroundWork(deps: BackgroundWorkDeps): BackgroundWork {
  const { env, log, database, metrics } = deps;
  const poller = startPoller({
    database,
    zalopay: deps.zalopay,
    config: deps.config,
    log,
    events: deps.events,
    queryBudget: deps.queryBudget,
  });
  const abandonedOrders = startAbandonedOrderCloser({
    database,
    zalopay: deps.zalopay,
    config: deps.config,
    log,
    events: deps.events,
    settings: {
      abandonAfterMs: env.orders.abandonAfterMs,
      checkIntervalMs: env.orders.abandonCheckMs,
    },
  });
  const refundSettler = startRefundSettler({
    refunds: deps.refunds,
    intervalMs: env.ops.refundCheckIntervalMs,
    log,
  });
  const fulfilment = startFulfilmentWorker({
    database,
    hook: logFulfilmentHook(log),
    log,
    leaseMs: env.fulfilmentLeaseMs,
  });
  const unpaidOrders = startUnpaidOrderPruner({
    database,
    retentionDays: env.orders.unpaidRetentionDays,
    log,
  });
  const webhooks =
    env.webhooks &&
    startWebhookWorker({
      database,
      url: env.webhooks.url,
      secrets: env.webhooks.secrets,
      lookup: env.webhooks.guarded ? publicAddressesOnly : undefined,
      log,
      onAttempt: (outcome) => metrics.webhookDeliveries.inc({ outcome }),
    });
  return {
    async stop() {
      await Promise.all([
        poller.stop(),
        abandonedOrders.stop(),
        unpaidOrders.stop(),
        fulfilment.stop(),
        webhooks?.stop(),
        refundSettler.stop(),
      ]);
    },
  };
}
