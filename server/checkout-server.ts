// Composes the whole checkout from an Env, the one place where it is wired: database -> migrations ->
// ZaloPay (or the embedded emulator) -> metrics and the domain's events -> payments and refunds -> HTTP ->
// poller and workers (as ROLE says); and takes it down again in the reverse order on SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvError, type Env } from './env';
import type { Logger } from './logger';
import { createApp } from './app';
import { createExpressServer } from './http/express-server';
import { createDb, type DatabaseHandle } from '../db/create-db';
import { migrate, migrationsApplied } from '../db/migrate';
import { createZaloPayClient } from './zalopay';
import { startEmulator, type RunningEmulator } from './emulator/emulator';
import { createPaymentsEvents } from './payments/domain-events';
import { createPaymentsService } from './payments/payments-service';
import type { PaymentsConfig } from './payments/payments-config';
import { budgetedStatusQueries, createQueryBudget } from './payments/polling/query-budget';
import { createRefundService } from './refunds/refund-service';
import { createCheckoutMetrics } from './observability/checkout-metrics';
import { meteredZaloPayClient } from './observability/metered-zalopay-client';
import { metricReadings } from './observability/metric-readings';
import { operationsHttp, probeRoutes } from './ops/operations';
import { paymentEventLog } from './observability/payment-event-log';
import { paymentMetrics } from './observability/payment-metrics';
import { productionDestinationProblem } from './webhooks/webhook-destination';
import { thisMachineOnly } from './security/loopback-only';
import { listenOn, portProblem } from './http/listen';
import { createProbeApp } from './http/probe-app';
import { startBackgroundWork, type BackgroundWork } from './background-work';
import { startTracingIfSet } from './telemetry/start-tracing';
import { tracedZaloPayClient } from './telemetry/traced-zalopay-client';
import { markSpansWithEvents } from './telemetry/event-attributes';
import { tracingOn } from './telemetry/spans';
import { merchantApi } from './merchant-api/merchant-api';
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

const EMULATOR_PORT_HINT =
  " (a second checkout in emulator mode on this machine: set EMULATOR_EMBEDDED=false and ZALOPAY_API_BASE_URL=<the first one's emulator, e.g. http://127.0.0.1:3001> to share its emulator, docs/deployment.md)";

async function startEmbeddedEmulator(env: Env, log: Logger): Promise<RunningEmulator> {
  // The gateway pages listen on HOST (a phone may open the QR's link); the ZaloPay API (which signs
  // callbacks to any address), the inspector and the admin API (which pays any order) answer this
  // machine only, so a stranger cannot use the emulator as a relay.
  const emulator = await startEmulator({
    port: env.emulator.port,
    host: env.host,
    privateGuard: thisMachineOnly(env.host),
    apps: env.emulator.apps,
    profile: env.emulator.profile,
  }).catch((error: unknown) => {
    throw portProblem(error, 'EMULATOR_PORT', env.emulator.port, env.host, EMULATOR_PORT_HINT);
  });
  log.info({ url: emulator.url }, 'ZaloPay emulator started');
  return emulator;
}

/** MIGRATE_ON_START=false: resolves once `npm run migrate` has run (checked every 2 s), or on stop. */
async function migrationsDone(database: DatabaseHandle, log: Logger, stop: AbortSignal) {
  for (let warned = false; !stop.aborted; warned = true) {
    const { applied, expected } = await migrationsApplied(database.db).catch(() => ({
      applied: -1,
      expected: 0,
    }));
    if (applied === expected) return true;
    if (!warned)
      log.warn({ applied, expected }, 'waiting for `npm run migrate` (MIGRATE_ON_START=false)');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  return false;
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
  if (env.zalopay.mode === 'emulator' && env.emulator.inProductionOnPurpose) {
    log.error(
      { alert: 'emulator_in_production' },
      'ZALOPAY_MODE=emulator with NODE_ENV=production or an https PUBLIC_BASE_URL: no payment taken here is real',
    );
  }
  if (env.orders.clientAmountsInProduction) {
    log.error(
      { alert: 'client_amounts_in_production' },
      'ACCEPT_CLIENT_AMOUNTS with real money (ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION=true): POST /api/payment/create takes the amount the browser sends, and such orders are fulfilled',
    );
  }
  if (env.security.trustProxy === false && env.publicBaseUrl?.startsWith('https://')) {
    // Node serves plain http here, so an https public URL usually means a TLS proxy in front.
    log.warn(
      'PUBLIC_BASE_URL is https but TRUST_PROXY is off: if a proxy terminates TLS in front, every client shares its IP (rate limits, sign-in lockout); set TRUST_PROXY (e.g. 1)',
    );
  }
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

interface Started {
  database: DatabaseHandle;
  emulator: RunningEmulator | undefined;
  apiBaseUrl: string;
  gatewayBaseUrl: string;
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
  const zaloPayClient = (retries: { maxRetries?: number }) => {
    const adapter = meteredZaloPayClient(
      createZaloPayClient({
        appId: env.zalopay.appId,
        key1: env.zalopay.key1,
        key2: env.zalopay.key2,
        apiBaseUrl,
        gatewayBaseUrl,
        timeoutMs: env.zalopay.timeoutMs,
        cancelCodes: env.zalopay.cancelCodes,
        ...retries,
      }),
      metrics,
    );
    return tracingOn() ? tracedZaloPayClient(adapter) : adapter;
  };
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
    payments
      ? createApp({
          payments,
          log,
          clientDir: options.clientDir,
          operations: operationsHttp({
            ...probes,
            adminToken: env.ops.adminToken,
            refunds,
            cancelOrder: (shopOrderId) => payments.cancelOrder(shopOrderId, 'operator'),
            publicBaseUrl,
            trustProxy: env.security.trustProxy,
            log,
            catalogue: {
              catalogue,
              shop,
              imageMaxBytes: env.catalogue.imageMaxBytes,
              maxAmount: env.orders.maxAmount,
            },
          }),
          security: { ...env.security, https: publicBaseUrl.startsWith('https://') },
          acceptClientAmounts: env.orders.acceptClientAmounts,
          merchantApi: merchantApi({
            db: database.db,
            log,
            refunds,
            cancelOrder: (orderId, by) => payments.cancelOrder(orderId, by),
            catalogue,
            shop,
            orders: env.orders,
            returnOrigins: env.merchantApi.returnOrigins,
            publicBaseUrl,
            requestsPerMinute: env.merchantApi.requestsPerMinute,
          }),
          storefront: { db: database.db, cache: storefront },
        })
      : createProbeApp(probeRoutes(probes)),
  );

  // Background work (ROLE=worker or all) starts once the schema is there: at once when this instance
  // migrated it, else when `npm run migrate` has.
  const stopping = new AbortController();
  let work: BackgroundWork | undefined;
  const workStarted =
    env.role === 'web'
      ? Promise.resolve()
      : (env.migrateOnStart
          ? Promise.resolve(true)
          : migrationsDone(database, log, stopping.signal)
        ).then((ready) => {
          if (ready && !stopping.signal.aborted) {
            work = startBackgroundWork({
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
            log.info('background work started: poller, fulfilment, refund checks, webhooks');
          }
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
      stopping.abort();
      await workStarted;
      // Live status streams end now (the page reconnects elsewhere); rounds in flight finish and
      // release their leases.
      await Promise.all([payments?.close(), work?.stop()]);
      await stopped;
      clearInterval(idle);
      clearTimeout(cut);
      await database.close();
      await emulator?.close();
    })());

  return { url, publicBaseUrl, emulatorUrl: emulator?.url, close };
}
