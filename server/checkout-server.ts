// Composes the whole checkout from an Env, the one place where it is wired: database -> migrations ->
// ZaloPay (or the embedded emulator) -> metrics and the domain's events -> payments and refunds -> HTTP ->
// poller and workers (as ROLE says); and takes it down again in the reverse order on SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvError, type Env } from './env';
import type { Logger } from './logger';
import { createExpressServer } from './http/express-server';
import { createDb, type DatabaseHandle } from '../db/create-db';
import { migrate } from '../db/migrate';
import type { RunningEmulator } from './emulator/emulator';
import { startEmbeddedEmulator } from './embedded-emulator';
import { logStartAlerts } from './start-alerts';
import { checkoutZaloPayClient, type ZaloPayEndpoints } from './checkout-zalopay-client';
import { checkoutApp } from './checkout-app';
import { startBackgroundWorkWhenMigrated } from './background-work-when-migrated';
import { createPaymentsEvents } from './payments/domain-events';
import { createPaymentsService } from './payments/payments-service';
import type { PaymentsConfig } from './payments/payments-config';
import { budgetedStatusQueries, createQueryBudget } from './payments/polling/query-budget';
import { createRefundService } from './refunds/refund-service';
import { createCheckoutMetrics } from './observability/checkout-metrics';
import { metricReadings } from './observability/metric-readings';
import { paymentEventLog } from './observability/payment-event-log';
import { paymentMetrics } from './observability/payment-metrics';
import { productionDestinationProblem } from './webhooks/webhook-destination';
import { listenOn } from './http/listen';
import { startTracingIfSet } from './telemetry/start-tracing';
import { markSpansWithEvents } from './telemetry/event-attributes';
import { tracingOn } from './telemetry/spans';
import { createCatalogueService } from './catalogue/catalogue-service';
import { createShopProfileService } from './catalogue/shop-profile-service';
import { createStorefrontCache } from './catalogue/storefront-cache';

/** dist/client. From the sources (tsx, vitest) this module is server/checkout-server.ts; in the server
 * build (server/build/vite.config.ts) it is part of dist/server/main.js, next to dist/client. */
export const DEFAULT_CLIENT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  import.meta.url.endsWith('.ts') ? '../dist/client' : '../client',
);

export interface RunningCheckout {
  /** Where the server listens (the real port, also with PORT=0). */
  url: string;
  /** Where shoppers and ZaloPay reach it (PUBLIC_BASE_URL, or http://localhost:<port>). */
  publicBaseUrl: string;
  emulatorUrl: string | undefined;
  /** Stop accepting, end live streams, finish in-flight work, release leases, close everything. */
  close(): Promise<void>;
}

export interface StartOptions {
  clientDir?: string | undefined;
  /** A database already being opened (main.ts starts it early); without it, one is opened from env. */
  database?: Promise<DatabaseHandle>;
  /** Graceful-shutdown budget before open connections are cut; default SHUTDOWN_TIMEOUT_MS. */
  shutdownTimeoutMs?: number;
}

/** The payments settings are the env's own groups: one name for a setting from the env schema on. */
function paymentsConfig(env: Env, publicBaseUrl: string): PaymentsConfig {
  return { appId: env.zalopay.appId, publicBaseUrl, orders: env.orders, poller: env.poller };
}

export async function startCheckout(
  env: Env,
  log: Logger,
  options: StartOptions = {},
): Promise<RunningCheckout> {
  // The webhook destination's DNS check is the one setting check that needs the network: before anything starts.
  if (env.webhooks?.guarded) {
    const problem = await productionDestinationProblem(env.webhooks.url);
    if (problem) throw new EnvError([problem]);
  }
  logStartAlerts(env, log);
  // OTEL_EXPORTER_OTLP_ENDPOINT set: the OpenTelemetry SDK is loaded and started before anything traced.
  const tracing = await startTracingIfSet(env, log);
  const emulator = env.emulator.embedded ? await startEmbeddedEmulator(env, log) : undefined;
  const apiBaseUrl = emulator?.url ?? env.zalopay.apiBaseUrl;
  const gatewayBaseUrl = emulator?.url ?? env.zalopay.gatewayBaseUrl;
  if (!apiBaseUrl || !gatewayBaseUrl) throw new Error('No ZaloPay endpoint configured');

  let database: DatabaseHandle | undefined;
  try {
    database = await (options.database ??
      createDb({ databaseUrl: env.databaseUrl, dataDir: env.pgliteDataDir }));
    if (env.migrateOnStart) await migrate(database);
    log.info({ driver: database.driver, migrated: env.migrateOnStart }, 'database ready');
    const running = await startServing(env, log, options, {
      database,
      emulator,
      apiBaseUrl,
      gatewayBaseUrl,
    });
    if (!tracing) return running;
    // The spans still waiting go out after everything traced has stopped.
    return { ...running, close: () => running.close().finally(() => tracing.shutdown()) };
  } catch (error) {
    await database?.close().catch(() => undefined);
    await emulator?.close();
    await tracing?.shutdown();
    throw error;
  }
}

interface Started extends ZaloPayEndpoints {
  database: DatabaseHandle;
  emulator: RunningEmulator | undefined;
}

async function startServing(
  env: Env,
  log: Logger,
  options: StartOptions,
  { database, emulator, apiBaseUrl, gatewayBaseUrl }: Started,
): Promise<RunningCheckout> {
  // Metrics, in a registry per instance; every call to ZaloPay is timed and counted there.
  const metrics = createCheckoutMetrics(
    metricReadings(database, { webhooksEnabled: env.webhooks !== undefined }),
  );
  // Every call to ZaloPay is timed and counted, and traced when tracing is on.
  const zaloPayClient = (retries: { maxRetries?: number }) =>
    checkoutZaloPayClient(env, { apiBaseUrl, gatewayBaseUrl }, metrics, retries);
  const zalopay = zaloPayClient({});
  // The background rounds retry in their next round, taking the query budget again: a retry inside the
  // call would send a query the budget never counted (QUERY_RATE_PER_SECOND is a ceiling on the wire).
  const roundsZalopay = zaloPayClient({ maxRetries: 0 });
  // What the payments domain reports (callbacks received and refused, inputs applied): counted and logged.
  const events = createPaymentsEvents(log);
  events.subscribe(paymentMetrics(metrics));
  events.subscribe(paymentEventLog(log));
  if (tracingOn()) events.subscribe(markSpansWithEvents());

  // Listen first, so that with PORT=0 the callback and redirect URLs can name the real port.
  const { server, serve } = createExpressServer(env.http);
  const port = await listenOn(server, env.port, env.host, 'PORT');
  const url = `http://${env.host.includes(':') ? `[${env.host}]` : env.host}:${port}`;
  const publicBaseUrl = env.publicBaseUrl ?? `http://localhost:${port}`;

  const config = paymentsConfig(env, publicBaseUrl);
  // One budget of ZaloPay queries for the instance: status reads spend it only while the poller's
  // reserve is left, and show the stored status beyond it (server/payments/polling/query-budget.ts).
  const queryBudget = createQueryBudget(config.poller.queryRatePerSecond);
  const refunds = createRefundService({
    db: database.db,
    zalopay,
    appId: env.zalopay.appId,
    log,
    checkIntervalMs: env.ops.refundCheckIntervalMs,
    onRefundState: (state) => metrics.refunds.inc({ state }),
  });
  const probes = {
    database,
    gatewayUrl: apiBaseUrl,
    metricsRegistry: metrics.registry,
    metricsToken: env.ops.metricsToken,
  };
  // The shop's profile and products on sale, per instance, current within STOREFRONT_CHECK_MS: the
  // shop's HTML and listProducts answer from it (orders are priced from the database).
  const storefront = createStorefrontCache(database.db, {
    checkMs: env.catalogue.storefrontCheckMs,
  });
  const payments =
    env.role === 'worker'
      ? undefined
      : createPaymentsService({
          productsOnSale: async () => (await storefront.get()).products,
          database,
          zalopay: budgetedStatusQueries(zalopay, queryBudget, () =>
            metrics.statusReadsOverBudget.inc(),
          ),
          key2: env.zalopay.key2,
          config,
          log,
          events,
        });
  const catalogue = createCatalogueService({
    db: database.db,
    maxAmount: env.orders.maxAmount,
  });
  const shop = createShopProfileService({ db: database.db });
  serve(
    checkoutApp({
      env,
      log,
      clientDir: options.clientDir,
      payments,
      probes,
      refunds,
      catalogue,
      shop,
      storefront,
      publicBaseUrl,
    }),
  );

  const background = startBackgroundWorkWhenMigrated(env, {
    env,
    log,
    database,
    zalopay: roundsZalopay,
    config,
    events,
    queryBudget,
    refunds,
    metrics,
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting; idle keep-alive connections are closed as they become idle, so browsers and
      // the proxy go to another instance; requests in flight (callbacks, creates) run to their end.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      const cut = setTimeout(
        () => server.closeAllConnections(),
        options.shutdownTimeoutMs ?? env.shutdownTimeoutMs,
      );
      await background.stopWaiting();
      // Live status streams end now (the page reconnects elsewhere); rounds in flight finish and
      // release their leases.
      await Promise.all([payments?.close(), background.stop()]);
      await stopped;
      clearInterval(idle);
      clearTimeout(cut);
      await database.close();
      await emulator?.close();
    })());

  return { url, publicBaseUrl, emulatorUrl: emulator?.url, close };
}
