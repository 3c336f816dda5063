// The payments domain behind one object: what the tRPC routers (PaymentsPort) and the callback route
// call. Built from its dependencies, so tests and main.ts assemble it the same way.
import type { DatabaseHandle } from '../../db/create-db';
import type { MerchantOrderCanceller } from '../../db/schema';
import type { Logger } from '../logger';
import type { PaymentsPort } from './payments-port';
import type { ZaloPayClient } from '../zalopay';
import { handleCallback, type CallbackReply } from './callbacks/callback-handler';
import { listProducts } from './merchant-orders/catalogue';
import { cancelMerchantOrder, type CancelledOrder } from './merchant-orders/cancel-merchant-order';
import type { ProductView } from './status/order-view';
import { createOrderFromCart } from './merchant-orders/create-order-from-cart';
import { createOneOffPayment } from './attempts/one-off-payment';
import { findOrderByAppTransId } from './attempts/attempt-queries';
import { payMerchantOrder } from './merchant-orders/pay-merchant-order';
import { readOrderWithAttempts, toOrderView } from './status/merchant-order-view';
import type { PaymentsEventSink } from './domain-events';
import { applyPaymentInput } from './attempts/attempt-transitions';
import type { PaymentsConfig } from './payments-config';
import type { CreatePaymentInput, PaymentView } from './status/payment-view';
import {
  announceStatusChange,
  announcementsSent,
  createStatusChangeFeed,
} from './status/status-notifications';
import { createStatusReader } from './status/status-reader';
import { watchStatus } from './status/status-watch';
import { readRedirect } from './callbacks/redirect-report';

export interface PaymentsServiceDeps {
  database: DatabaseHandle;
  zalopay: ZaloPayClient;
  key2: string;
  config: PaymentsConfig;
  log: Logger;
  /**
   * The one clock of the domain (default: the system clock). Expiry, poll schedules and ledger times
   * all come from it, not from the database's now(), so tests can move time by swapping it.
   */
  now?: () => Date;
  /** Where the domain reports what it does (domain-events.ts): metrics and logs subscribe there. */
  events?: PaymentsEventSink;
  /**
   * Where listProducts reads the products on sale: the instance's storefront cache
   * (server/catalogue/storefront-cache.ts), kept current within STOREFRONT_CHECK_MS. Default: the
   * database on every call. Orders are always priced from the database.
   */
  productsOnSale?: () => Promise<ProductView[]>;
}

export interface PaymentsService extends PaymentsPort {
  /** The whole callback ladder of docs/design.md §2.4; never throws. */
  handleCallback(rawBody: string | Buffer): Promise<CallbackReply>;
  /**
   * Appends the shopper's return from ZaloPay to the ledger. Only a record: the redirect's status
   * decides nothing. Unknown ids are ignored.
   */
  recordRedirectSeen(appTransId: string, details: Record<string, unknown>): Promise<void>;
  /**
   * Withdraws an unpaid merchant order (cancel-merchant-order.ts): its PENDING attempts are cancelled at ZaloPay
   * first. OrderNotFoundError, or OrderNotCancellableError (409) for a paid order.
   */
  cancelOrder(orderId: string, by: MerchantOrderCanceller): Promise<CancelledOrder>;
  /** Sends the status announcements still queued, stops LISTEN and ends the live streams' subscriptions. */
  close(): Promise<void>;
}

export function createPaymentsService(deps: PaymentsServiceDeps): PaymentsService {
  const now = deps.now ?? (() => new Date());
  const db = deps.database.db;
  const { events } = deps;
  const domain = {
    db,
    zalopay: deps.zalopay,
    config: deps.config,
    log: deps.log,
    now,
    events,
    lateCheckDelaysMs: deps.config.poller.lateCheckDelaysMs,
  };
  const feed = createStatusChangeFeed(deps.database, deps.log);
  const statusReader = createStatusReader(domain);

  // Concurrent asks for the same payment (a double click, two tabs on one instance) share one create in
  // this process; across instances the order's row lock, the unique key and ZaloPay's -68 keep them to one.
  const createsInFlight = new Map<string, Promise<PaymentView>>();
  function once(key: string | undefined, create: () => Promise<PaymentView>): Promise<PaymentView> {
    if (!key) return create();
    const inFlight = createsInFlight.get(key);
    if (inFlight) return inFlight;
    const creating = create().finally(() => createsInFlight.delete(key));
    createsInFlight.set(key, creating);
    return creating;
  }

  /** Appends the redirect to the attempt's ledger; the attempt's status after it, or null if unknown. */
  async function recordRedirect(appTransId: string, details: Record<string, unknown>) {
    const order = await findOrderByAppTransId(db, appTransId);
    if (!order) return null;
    const result = await applyPaymentInput(
      domain,
      order.id,
      { kind: 'redirect_seen', payload: details },
      { to: 'NOTHING' },
    );
    return result.order.status;
  }

  return {
    listProducts: deps.productsOnSale ?? (() => listProducts(db)),
    async createOrder(lines) {
      const order = await createOrderFromCart(domain, lines);
      return toOrderView(order, [], now());
    },
    async getOrder(orderId) {
      const found = await readOrderWithAttempts(db, orderId);
      return found ? toOrderView(found.order, found.attempts, now()) : null;
    },
    payOrder: (orderId) => once(`order:${orderId}`, () => payMerchantOrder(domain, orderId)),
    payOneOff: (input: CreatePaymentInput) =>
      once(input.idempotencyKey && `key:${input.idempotencyKey}`, () =>
        createOneOffPayment(domain, input),
      ),
    getStatus: (appTransId) => statusReader.getStatus(appTransId),
    watch: (appTransId, signal) =>
      watchStatus({ db, feed, getStatus: statusReader.getStatus, now }, appTransId, signal),
    handleCallback: (rawBody) =>
      handleCallback({ db, key2: deps.key2, log: deps.log, now, events }, rawBody),
    async recordRedirectSeen(appTransId, details) {
      await recordRedirect(appTransId, details);
    },
    cancelOrder: (orderId, by) => cancelMerchantOrder(domain, orderId, by),
    async reportRedirect(query) {
      const { appTransId, claim, details } = readRedirect(query, deps.key2);
      const status = appTransId ? await recordRedirect(appTransId, details) : null;
      // A verified decline or cancel reaches the desktop still showing the QR (its phoneReport), on
      // whichever instance holds its stream. Only a verified claim: a forged one was recorded, no more.
      const reportsFailure = claim === 'cancelled' || claim === 'not_completed';
      if (appTransId && status === 'PENDING' && reportsFailure) {
        announceStatusChange({ db, log: deps.log }, appTransId);
      }
      return { appTransId, claim };
    },
    async close() {
      await announcementsSent(db);
      await feed.close();
    },
  };
}
