// The checkout's Prometheus metrics (prom-client), in a registry of their own per app instance so that
// tests can run several apps in one process. Names start with zalopay_checkout_; docs/operations.md lists them.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface CheckoutMetricsOptions {
  /** Counted at scrape time: PENDING orders whose expires_at has passed (one cheap query). */
  countPendingPastExpiry: () => Promise<number>;
  /** Counted at scrape time: seconds since the oldest undelivered webhook event was written (0: none). */
  oldestUndeliveredWebhookSeconds: () => Promise<number>;
  /** Also export Node's process metrics (CPU, memory, event loop lag); default true. */
  processMetrics?: boolean;
}

export interface CheckoutMetrics {
  registry: Registry;
  /** What ZaloPay answered to /v2/create: created, duplicate (-68) or rejected; or timeout (no answer). */
  ordersCreated: Counter<'outcome'>;
  callbacksReceived: Counter;
  /** Callbacks not applied, by the handler's reason (payments/domain-events.ts CallbackRejection). */
  callbacksRejected: Counter<'reason'>;
  /** A verified callback for a ZaloPay transaction already in the ledger: a resend. */
  callbacksDuplicated: Counter;
  /** Every status change, e.g. transition="PENDING->PAID", input="callback". */
  transitions: Counter<'transition' | 'input'>;
  /** Orders that became PAID from a query answer (the callback never arrived first), by who asked. */
  paidByQuery: Counter<'source'>;
  /** Each call the app made to ZaloPay, with its outcome (ok, or the error's name). */
  gatewayRequestSeconds: Histogram<'endpoint' | 'outcome'>;
  gatewayErrors: Counter<'endpoint' | 'error'>;
  /** Refund steps: requested, then processing, succeeded or failed. */
  refunds: Counter<'state'>;
  /** Payments of a merchant order already paid by another attempt, refunded automatically. */
  doublePayments: Counter<'input'>;
  /** Status reads of a PENDING order answered from the record: the query budget was spent. */
  statusReadsOverBudget: Counter;
  /** Webhook delivery attempts by outcome: delivered, retrying, gave_up. */
  webhookDeliveries: Counter<'outcome'>;
}

const PREFIX = 'zalopay_checkout_';

export function createCheckoutMetrics(options: CheckoutMetricsOptions): CheckoutMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  new Gauge({
    name: `${PREFIX}pending_orders_past_expiry`,
    help: 'PENDING orders whose expires_at has passed (the poller should close them within a minute or two)',
    registers,
    async collect() {
      this.set(await options.countPendingPastExpiry());
    },
  });

  new Gauge({
    name: `${PREFIX}webhook_oldest_undelivered_seconds`,
    help: 'Age of the oldest webhook event not yet delivered to the merchant (0 when none is waiting)',
    registers,
    async collect() {
      this.set(await options.oldestUndeliveredWebhookSeconds());
    },
  });

  return {
    registry,
    ordersCreated: new Counter({
      name: `${PREFIX}orders_created_total`,
      help: 'Answers of ZaloPay /v2/create by outcome (created, duplicate, rejected), and timeout when none came in time',
      labelNames: ['outcome'],
      registers,
    }),
    callbacksReceived: new Counter({
      name: `${PREFIX}callbacks_received_total`,
      help: 'POSTs to the ZaloPay callback route',
      registers,
    }),
    callbacksRejected: new Counter({
      name: `${PREFIX}callbacks_rejected_total`,
      help: 'Callbacks not applied, by reason: bad_mac and unreadable (HTTP 400), our_failure (HTTP 500, ZaloPay retries), unknown_order and cannot_apply (acknowledged, alerted: reconcile by hand)',
      labelNames: ['reason'],
      registers,
    }),
    callbacksDuplicated: new Counter({
      name: `${PREFIX}callbacks_duplicated_total`,
      help: 'Verified callbacks already recorded (ZaloPay resending): acknowledged, nothing changed',
      registers,
    }),
    transitions: new Counter({
      name: `${PREFIX}order_transitions_total`,
      help: 'Order status changes by transition (e.g. PENDING->PAID) and by the input that caused them',
      labelNames: ['transition', 'input'],
      registers,
    }),
    paidByQuery: new Counter({
      name: `${PREFIX}orders_paid_by_query_total`,
      help: 'Orders found PAID by querying ZaloPay rather than by its callback, by source (poller, status, create, reconciliation)',
      labelNames: ['source'],
      registers,
    }),
    gatewayRequestSeconds: new Histogram({
      name: `${PREFIX}gateway_request_duration_seconds`,
      help: 'Latency of calls to ZaloPay by endpoint and outcome (retries included)',
      labelNames: ['endpoint', 'outcome'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    gatewayErrors: new Counter({
      name: `${PREFIX}gateway_errors_total`,
      help: 'Calls to ZaloPay that ended without a usable answer, by endpoint and error',
      labelNames: ['endpoint', 'error'],
      registers,
    }),
    refunds: new Counter({
      name: `${PREFIX}refunds_total`,
      help: 'Refund steps by state reached (PENDING when requested, then PROCESSING, SUCCEEDED, FAILED)',
      labelNames: ['state'],
      registers,
    }),
    statusReadsOverBudget: new Counter({
      name: `${PREFIX}status_reads_over_budget_total`,
      help: 'Status reads of a PENDING order answered from the stored order because the ZaloPay query budget was spent',
      registers,
    }),
    webhookDeliveries: new Counter({
      name: `${PREFIX}webhook_deliveries_total`,
      help: 'Webhook delivery attempts to the merchant by outcome (delivered, retrying, gave_up)',
      labelNames: ['outcome'],
      registers,
    }),
    doublePayments: new Counter({
      name: `${PREFIX}double_payments_total`,
      help: 'Second payments of a merchant order already paid (by the input that found them), each refunded automatically',
      labelNames: ['input'],
      registers,
    }),
  };
}
