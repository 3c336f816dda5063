// Composes the whole checkout from an Env, the one place where it is wired: database -> migrations ->
// ZaloPay (or the embedded emulator) -> metrics and the domain's events -> payments and refunds -> HTTP ->
// poller and workers; and takes it down again in the reverse order.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvError, type Env } from './env';
import type { Logger } from './logger';
import { createApp } from './app';
import { createExpressServer } from './http/express-server';
import { createDb, type DatabaseHandle } from '../db/create-db';
import { migrate } from '../db/migrate';
import { createZaloPayClient } from './zalopay';
import { startEmulator, type RunningEmulator } from './emulator/emulator';
import { createPaymentsEvents } from './payments/domain-events';
import { createPaymentsService } from './payments/payments-service';
import type { PaymentsConfig } from './payments/payments-config';
import { startPoller } from './payments/poller';
import { budgetedStatusQueries, createQueryBudget } from './payments/query-budget';
import { logFulfilmentHook, startFulfilmentWorker } from './payments/fulfilment-worker';
import { createRefundService } from './refunds/refund-service';
import { startRefundSettler } from './refunds/refund-settler';
import { createCheckoutMetrics } from './ops/checkout-metrics';
import { meteredZaloPayClient } from './ops/metered-zalopay-client';
import { metricReadings } from './ops/metric-readings';
import { operationsHttp } from './ops/operations';
import { paymentEventLog } from './ops/payment-event-log';
import { paymentMetrics } from './ops/payment-metrics';
import { productionDestinationProblem, publicAddressesOnly } from './webhooks/webhook-destination';
import { startWebhookWorker } from './webhooks/webhook-worker';
import { loopbackOnly } from './security/loopback-only';
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
  /** Where the server listens. */
  url: string;
  /** Where shoppers and ZaloPay reach it (PUBLIC_BASE_URL, or http://localhost:<port>). */
  publicBaseUrl: string;
  emulatorUrl: string | undefined;
  /** Stop accepting, finish in-flight work, release leases, close everything. */
  close(): Promise<void>;
}

export interface StartOptions {
  clientDir?: string | undefined;
  /** A database already being opened (main.ts starts it early); without it, one is opened from env. */
  database?: Promise<DatabaseHandle>;
  /** Graceful-shutdown budget before open connections (SSE streams) are cut. */
  shutdownTimeoutMs?: number;
}

/** The payments settings are the env's own groups: one name for a setting from the env schema on. */
function paymentsConfig(env: Env, publicBaseUrl: string): PaymentsConfig {
  return { appId: env.zalopay.appId, publicBaseUrl, orders: env.orders, poller: env.poller };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
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
  let emulator: RunningEmulator | undefined;
  if (env.zalopay.mode === 'emulator' && env.emulator.inProductionOnPurpose) {
    log.error(
      { alert: 'emulator_in_production' },
      'ZALOPAY_MODE=emulator with NODE_ENV=production or an https PUBLIC_BASE_URL: no payment taken here is real',
    );
  }
  if (env.emulator.embedded) {
    // The gateway pages listen on HOST (a phone may open the QR's link); the admin API, which pays any
    // order, answers this machine only.
    emulator = await startEmulator({
      port: env.emulator.port,
      host: env.host,
      adminGuard: loopbackOnly,
      apps: env.emulator.apps,
      profile: env.emulator.profile,
    });
    log.info({ url: emulator.url }, 'ZaloPay emulator started');
  }
  const apiBaseUrl = emulator?.url ?? env.zalopay.apiBaseUrl;
  const gatewayBaseUrl = emulator?.url ?? env.zalopay.gatewayBaseUrl;
  if (!apiBaseUrl || !gatewayBaseUrl) throw new Error('No ZaloPay endpoint configured');

  const database = await (options.database ??
    createDb({ databaseUrl: env.databaseUrl, dataDir: env.pgliteDataDir }));
  await migrate(database);
  log.info({ driver: database.driver }, 'database ready');

  // Metrics, in a registry per instance; every call to ZaloPay is timed and counted there.
  const metrics = createCheckoutMetrics(
    metricReadings(database, { webhooksEnabled: env.webhooks !== undefined }),
  );
  const zalopay = meteredZaloPayClient(
    createZaloPayClient({
      appId: env.zalopay.appId,
      key1: env.zalopay.key1,
      key2: env.zalopay.key2,
      apiBaseUrl,
      gatewayBaseUrl,
      timeoutMs: env.zalopay.timeoutMs,
    }),
    metrics,
  );
  // What the payments domain reports (callbacks received and refused, inputs applied): counted and logged.
  const events = createPaymentsEvents(log);
  events.subscribe(paymentMetrics(metrics));
  events.subscribe(paymentEventLog(log));

  // Listen first, so that with PORT=0 the callback and redirect URLs can name the real port.
  const { server, serve } = createExpressServer();
  const port = await listen(server, env.port, env.host);
  const url = `http://${env.host.includes(':') ? `[${env.host}]` : env.host}:${port}`;
  const publicBaseUrl = env.publicBaseUrl ?? `http://localhost:${port}`;

  const config = paymentsConfig(env, publicBaseUrl);
  // One budget of ZaloPay queries for the instance: status reads spend it only while the poller's
  // reserve is left, and show the stored status beyond it (server/payments/query-budget.ts).
  const queryBudget = createQueryBudget(config.poller.queryRatePerSecond);
  // The shop's profile and products on sale, per instance, current within STOREFRONT_CHECK_MS: the
  // shop's HTML and listProducts answer from it (orders are priced from the database).
  const storefront = createStorefrontCache(database.db, {
    checkMs: env.catalogue.storefrontCheckMs,
  });
  const payments = createPaymentsService({
    productsOnSale: async () => (await storefront.get()).products,
    database,
    zalopay: budgetedStatusQueries(zalopay, queryBudget, () => metrics.statusReadsOverBudget.inc()),
    key2: env.zalopay.key2,
    config,
    log,
    events,
  });
  const refunds = createRefundService({
    db: database.db,
    zalopay,
    appId: env.zalopay.appId,
    log,
    checkIntervalMs: env.ops.refundCheckIntervalMs,
    onRefundState: (state) => metrics.refunds.inc({ state }),
  });
  const catalogue = createCatalogueService({
    db: database.db,
    maxAmount: env.orders.maxAmount,
  });
  const shop = createShopProfileService({ db: database.db });
  serve(
    createApp({
      payments,
      log,
      clientDir: options.clientDir,
      operations: operationsHttp({
        database,
        gatewayUrl: apiBaseUrl,
        metricsRegistry: metrics.registry,
        metricsToken: env.ops.metricsToken,
        adminToken: env.ops.adminToken,
        refunds,
        publicBaseUrl,
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
      storefront: { db: database.db, cache: storefront },
    }),
  );

  const poller = startPoller({ database, zalopay, config, log, events, queryBudget });
  const refundSettler = startRefundSettler({
    refunds,
    intervalMs: env.ops.refundCheckIntervalMs,
    log,
  });
  const fulfilment = startFulfilmentWorker({
    database,
    hook: logFulfilmentHook(log),
    log,
    leaseMs: env.fulfilmentLeaseMs,
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

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await poller.stop();
      await fulfilment.stop();
      await webhooks?.stop();
      await refundSettler.stop();
      await payments.close();
      server.closeIdleConnections();
      const cut = setTimeout(
        () => server.closeAllConnections(),
        options.shutdownTimeoutMs ?? 5_000,
      );
      await stopped;
      clearTimeout(cut);
      await database.close();
      await emulator?.close();
    })());

  return { url, publicBaseUrl, emulatorUrl: emulator?.url, close };
}
