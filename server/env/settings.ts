// The checks that span several variables (keys per mode, the public URL, amount bounds, webhooks) and the
// settings the server runs with, grouped by who reads them: the second half of loadEnv (index.ts).
import { AppConfigError, parseAppsSetting } from './emulator-apps-setting';
import { returnOriginsSetting } from '../merchant-api/return-origins-setting';
import { webhookSettings } from '../webhooks/webhook-settings';
import { PUBLIC_SANDBOX_APPS, type SandboxApp } from '../zalopay';
import type { RawEnv } from './variables';
import { GATEWAY_HOSTS, keyProblems } from './zalopay-keys';

/**
 * The settings the server runs with, grouped by who reads them, or undefined with `problems` filled:
 * the checks that span variables (keys per mode, the public URL, amount bounds, webhooks).
 */
export function settingsOf(raw: RawEnv, problems: string[]) {
  const mode = raw.ZALOPAY_MODE ?? 'emulator';
  const defaultApp = PUBLIC_SANDBOX_APPS[0];
  let appId = raw.ZALOPAY_APP_ID;
  let key1 = raw.ZALOPAY_KEY1;
  let key2 = raw.ZALOPAY_KEY2;
  if (mode === 'emulator') {
    appId ??= defaultApp?.appId;
    key1 ??= defaultApp?.key1;
    key2 ??= defaultApp?.key2;
  }
  if (appId === undefined) problems.push(`ZALOPAY_APP_ID: required in ${mode} mode`);
  if (!key1) problems.push(`ZALOPAY_KEY1: required in ${mode} mode`);
  if (!key2) problems.push(`ZALOPAY_KEY2: required in ${mode} mode`);
  if (mode !== 'emulator') {
    if (key1 && key2) problems.push(...keyProblems(mode, appId, key1, key2));
    if (!raw.PUBLIC_BASE_URL) {
      problems.push(
        `PUBLIC_BASE_URL: required in ${mode} mode (ZaloPay posts callbacks to <PUBLIC_BASE_URL>/api/zalopay/callback)`,
      );
    } else if (mode === 'production' && !raw.PUBLIC_BASE_URL.startsWith('https://')) {
      problems.push('PUBLIC_BASE_URL: must be https:// in production mode');
    }
  }
  // Emulator mode is the default, so that `npm start` works on a bare machine; in production it would
  // take "payments" nobody paid (its admin API pays any order). It must then be asked for by name.
  const looksLikeProduction =
    raw.NODE_ENV === 'production' || raw.PUBLIC_BASE_URL?.startsWith('https://') === true;
  if (mode === 'emulator' && looksLikeProduction && raw.ZALOPAY_MODE === undefined) {
    problems.push(
      'ZALOPAY_MODE: unset, so the ZaloPay emulator would take the payments, but NODE_ENV is production or PUBLIC_BASE_URL is https: set ZALOPAY_MODE=production (or sandbox) with your keys, or ZALOPAY_MODE=emulator for a demo',
    );
  }
  let emulatorApps: SandboxApp[] = [];
  if (raw.EMULATOR_APPS !== undefined) {
    try {
      emulatorApps = parseAppsSetting(raw.EMULATOR_APPS, 'EMULATOR_APPS');
    } catch (error) {
      if (!(error instanceof AppConfigError)) throw error;
      problems.push(error.message);
    }
  }
  // Shopper-chosen amounts are paid and fulfilled as they are: with real money that takes a second,
  // explicit setting (and the server says so loudly at start).
  const realMoney = mode !== 'emulator' && (mode === 'production' || raw.NODE_ENV === 'production');
  const acceptClientAmounts = raw.ACCEPT_CLIENT_AMOUNTS ?? mode === 'emulator';
  if (acceptClientAmounts && realMoney && !raw.ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION) {
    problems.push(
      'ACCEPT_CLIENT_AMOUNTS: true in production, where the browser would choose what a shopper pays and the order would be fulfilled: remove it (orders are priced from the catalogue), or set ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION=true as well if you really mean it',
    );
  }
  if (raw.HTTP_HEADERS_TIMEOUT_MS > raw.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (raw.ORDER_MIN_AMOUNT > raw.ORDER_MAX_AMOUNT) {
    problems.push('ORDER_MIN_AMOUNT: must not exceed ORDER_MAX_AMOUNT');
  }
  const webhooks = webhookSettings(
    {
      url: raw.MERCHANT_WEBHOOK_URL,
      secret: raw.MERCHANT_WEBHOOK_SECRET,
      allowPrivate: raw.MERCHANT_WEBHOOK_ALLOW_PRIVATE,
      production: mode === 'production' || raw.NODE_ENV === 'production',
    },
    problems,
  );
  const embedded = mode === 'emulator' && raw.EMULATOR_EMBEDDED && !raw.ZALOPAY_API_BASE_URL;
  // Web and worker instances share one database, so they must share one gateway: an emulator each would
  // have each instance's poller ask its own emulator about orders another instance's emulator holds.
  if (embedded && raw.ROLE !== 'all') {
    problems.push(
      `ROLE: ${raw.ROLE} instances share one database, so they must share one ZaloPay emulator: run it alone (npm run emulator) and set EMULATOR_EMBEDDED=false and ZALOPAY_API_BASE_URL=http://127.0.0.1:3001 on every instance`,
    );
  }
  const returnOrigins = returnOriginsSetting(
    raw.MERCHANT_RETURN_ORIGINS,
    mode === 'production' || raw.NODE_ENV === 'production',
    problems,
  );
  if (problems.length > 0 || appId === undefined || !key1 || !key2) return undefined;

  const hosts = mode === 'emulator' ? undefined : GATEWAY_HOSTS[mode];
  return {
    nodeEnv: raw.NODE_ENV,
    host: raw.HOST,
    port: raw.PORT,
    /** Undefined in emulator mode when not set: derived from the port the server actually listens on. */
    publicBaseUrl: raw.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    databaseUrl: raw.DATABASE_URL,
    pgliteDataDir: raw.PGLITE_DATA_DIR,
    zalopay: {
      mode,
      appId,
      key1,
      key2,
      /** Undefined in emulator mode with the embedded emulator: checkout-server.ts fills it in once it listens. */
      apiBaseUrl: raw.ZALOPAY_API_BASE_URL ?? hosts?.api,
      gatewayBaseUrl: raw.ZALOPAY_GATEWAY_BASE_URL ?? raw.ZALOPAY_API_BASE_URL ?? hosts?.gateway,
      timeoutMs: raw.ZALOPAY_TIMEOUT_MS,
      cancelCodes: {
        alreadyPaid: raw.ZALOPAY_CANCEL_PAID_CODES,
        unknownOrder: raw.ZALOPAY_CANCEL_NOT_FOUND_CODES,
      },
    },
    emulator: {
      embedded,
      port: raw.EMULATOR_PORT,
      /**
       * Emulator mode where a shop runs for real (NODE_ENV=production or an https PUBLIC_BASE_URL), allowed
       * only because ZALOPAY_MODE=emulator was set explicitly: the server says so loudly at start.
       */
      inProductionOnPurpose: mode === 'emulator' && looksLikeProduction,
      /** EMULATOR_APPS: apps added to (or replacing) 2553 and 2554 in the embedded emulator. */
      apps: emulatorApps,
      profile: raw.EMULATOR_PROFILE,
    },
    orders: {
      minAmount: raw.ORDER_MIN_AMOUNT,
      maxAmount: raw.ORDER_MAX_AMOUNT,
      expireSeconds: raw.ORDER_EXPIRE_SECONDS,
      appUser: raw.ORDER_APP_USER,
      /**
       * ACCEPT_CLIENT_AMOUNTS: POST /api/payment/create may take the frontend guide's {amount, order_info}
       * (a one-off order for a client-given amount). Default: on in emulator mode, off otherwise; in
       * production only with ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION=true too.
       */
      acceptClientAmounts,
      /** Merchant orders never attempted are deleted this many days after they were made; 0: kept. */
      unpaidRetentionDays: raw.UNPAID_ORDER_RETENTION_DAYS,
      /** Client amounts with real money, allowed by ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION: an alert at start. */
      clientAmountsInProduction: acceptClientAmounts && realMoney,
      /** An unpaid order this long past its last attempt's expiry is cancelled; 0: never. */
      abandonAfterMs: raw.ORDER_ABANDON_AFTER_MS,
      abandonCheckMs: raw.ORDER_ABANDON_CHECK_MS,
    },
    /** The poller's and the status reads' timings: PaymentsConfig['poller'] (payments-config.ts). */
    poller: {
      intervalMs: raw.POLL_INTERVAL_MS,
      tickMs: raw.POLL_TICK_MS,
      batchSize: raw.POLL_BATCH_SIZE,
      concurrency: raw.POLL_CONCURRENCY,
      queryRatePerSecond: raw.QUERY_RATE_PER_SECOND,
      expiryGraceMs: raw.EXPIRY_GRACE_MS,
      leaseMs: raw.POLL_LEASE_MS,
      statusCacheMs: raw.STATUS_CACHE_MS,
      createNotFoundCloseMs: raw.CREATE_NOT_FOUND_CLOSE_MS,
      lateCheckDelaysMs: raw.LATE_CHECK_DELAYS_MS,
    },
    /** ROLE: web serves HTTP only; worker runs the poller and workers behind /healthz, /readyz, /metrics; all both. */
    role: raw.ROLE,
    /** MIGRATE_ON_START: false leaves migrations to `npm run migrate`; /readyz is 503 until they ran. */
    migrateOnStart: raw.MIGRATE_ON_START,
    /** SHUTDOWN_TIMEOUT_MS: on SIGTERM, connections still open this long after are cut. */
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    /** How long a claimed outbox row is reserved for one instance before another may deliver it. */
    fulfilmentLeaseMs: raw.FULFILMENT_LEASE_MS,
    log: { level: raw.LOG_LEVEL, pretty: raw.LOG_PRETTY },
    /** OTEL_EXPORTER_OTLP_ENDPOINT set: traces go there over OTLP/HTTP (<endpoint>/v1/traces). */
    telemetry: {
      otlpEndpoint: raw.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: raw.OTEL_SERVICE_NAME,
      /** The OTLP/HTTP encoding: protobuf (the OpenTelemetry default) or JSON. */
      protocol: raw.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? raw.OTEL_EXPORTER_OTLP_PROTOCOL,
      /** Longer attribute values (a long SQL statement's text) are cut to this many characters. */
      attributeValueLengthLimit:
        raw.OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT ?? raw.OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT,
      /** Which traces are kept (every one by default). */
      sampler: { name: raw.OTEL_TRACES_SAMPLER, ratio: raw.OTEL_TRACES_SAMPLER_ARG ?? 1 },
    },
    ops: {
      /** Unset: the operator pages under /ops do not exist (404). */
      adminToken: raw.ADMIN_TOKEN,
      /** How often PROCESSING refunds are checked with query_refund (backing off per refund). */
      refundCheckIntervalMs: raw.REFUND_CHECK_INTERVAL_MS,
      /** Set: GET /metrics requires `Authorization: Bearer <it>`; unset: /metrics is open. */
      metricsToken: raw.METRICS_TOKEN,
    },
    /** Slow clients and connection floods (server/http/express-server.ts). */
    http: {
      /** A request's headers must have arrived within this; else 408 and the connection closes. */
      headersTimeoutMs: raw.HTTP_HEADERS_TIMEOUT_MS,
      /** A whole request (headers and body) must have arrived within this; a live stream's answer is not cut. */
      requestTimeoutMs: raw.HTTP_REQUEST_TIMEOUT_MS,
      /** Open connections at most (live streams included); beyond it new ones are dropped. 0: no cap. */
      maxConnections: raw.HTTP_MAX_CONNECTIONS,
    },
    catalogue: {
      /** The largest image (product, logo, favicon) an operator may upload. */
      imageMaxBytes: raw.IMAGE_MAX_BYTES,
      /** How often an instance checks whether /ops changed the shop (one tiny read at most this often). */
      storefrontCheckMs: raw.STOREFRONT_CHECK_MS,
    },
    /** Signed order webhooks to the merchant's systems; undefined when MERCHANT_WEBHOOK_URL is unset. */
    webhooks,
    /** The merchant API at /api/v1 (server/merchant-api). */
    merchantApi: {
      /** Requests per API key per minute on each instance, then 429; 0 turns the limit off. */
      requestsPerMinute: raw.MERCHANT_API_REQUESTS_PER_MINUTE,
      /** MERCHANT_RETURN_ORIGINS: where a merchant API order's return_url and cancel_url may go. */
      returnOrigins,
    },
    security: {
      /** Payment creations per client IP per minute (REST and tRPC together); 0 turns the limit off. */
      createRateLimitPerMinute: raw.CREATE_RATE_LIMIT_PER_MINUTE,
      /** New merchant orders per client IP per minute (REST and tRPC together); 0 turns the limit off. */
      orderRateLimitPerMinute: raw.ORDER_RATE_LIMIT_PER_MINUTE,
      /** Live status streams (SSE) one client IP may hold at once; 0: no cap. */
      liveStreamsPerClient: raw.LIVE_STREAMS_PER_CLIENT,
      /** Different redirects one client IP may report to the ledger a minute; 0: no limit. */
      redirectReportsPerMinute: raw.REDIRECT_REPORTS_PER_MINUTE,
      /** Express's 'trust proxy': who may say what the client's IP is (server/security/trust-proxy.ts). */
      trustProxy: raw.TRUST_PROXY,
    },
  };
}
