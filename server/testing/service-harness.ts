// Test support, the service layer (below app-harness.ts and checkout-harness.ts): the payments service on
// real parts only: a fresh test database, the ZaloPay emulator over HTTP with its admin client, the real
// adapter, the poller, and the merchant's callback route on 127.0.0.1 answered by the service itself.
import { eq } from 'drizzle-orm';
import type { DatabaseDriver, DatabaseHandle } from '../../db/create-db';
import { fulfilments, paymentEvents, paymentAttempts } from '../../db/schema';
import { silentLogger, type Logger } from '../logger';
import {
  emulatorAdminClient,
  type EmulatorAdminClient,
  type EmulatorOrder,
  type FaultsRequest,
} from '../emulator/admin/admin-client';
import type { EmulatorSettings } from '../emulator/emulator';
import { startEmulator, type RunningEmulator } from '../emulator/emulator';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import { createZaloPayClient, type ZaloPayClient } from '../zalopay';
import type { CallbackReply } from '../payments/callbacks/callback-handler';
import { PAYMENTS_TIMING_DEFAULTS, type PaymentsConfig } from '../payments/payments-config';
import { createPaymentsService, type PaymentsService } from '../payments/payments-service';
import { startPoller, type Poller } from '../payments/polling/poller';
import { startMerchantReceiver } from './merchant-receiver';
import { createTestClock, type TestClock } from './test-clock';
import { createTestDatabase, type TestDatabase } from './test-database';

function sandboxApp(appId: number) {
  const app = PUBLIC_SANDBOX_APPS.find((candidate) => candidate.appId === appId);
  if (!app) throw new Error(`The emulator has no built-in app ${appId}`);
  return app;
}

export const SANDBOX_APP = sandboxApp(2553);

export interface ServiceHarnessOptions {
  /** An existing database to share (e.g. a second instance); by default a fresh one of this driver. */
  database?: DatabaseHandle;
  /** Settings to change, group by group (e.g. `{ poller: { batchSize: 10 } }`). */
  config?: {
    orders?: Partial<PaymentsConfig['orders']>;
    poller?: Partial<PaymentsConfig['poller']>;
  };
  emulatorSettings?: Partial<EmulatorSettings>;
  /** Reuse another harness's emulator and clock (two app instances, one ZaloPay). */
  emulator?: RunningEmulator;
  clock?: TestClock;
  log?: Logger;
  instanceId?: string;
  /**
   * The adapter's per-attempt timeout. Generous by default, because a cold create on a busy 2-core
   * machine can take over a second; the emulator's "timeout" fault always holds a little longer.
   */
  zalopayTimeoutMs?: number;
}

export interface ServiceHarness {
  database: DatabaseHandle;
  /** The throwaway PostgreSQL database's URL, when this harness created one. */
  databaseUrl: string | undefined;
  emulator: RunningEmulator;
  /** The emulator's admin API (server/emulator/admin/admin-client.ts). */
  admin: EmulatorAdminClient;
  clock: TestClock;
  zalopay: ZaloPayClient;
  config: PaymentsConfig;
  service: PaymentsService;
  poller: Poller;
  /** queryOrder calls this instance made, by app_trans_id. */
  queriesByOrder: Map<string, number>;
  /** The shopper pays on the emulator's gateway (wallet); resolves after the first callback attempt. */
  pay(appTransId: string): Promise<void>;
  /** POST /admin/faults on the emulator. */
  addFaults(faults: FaultsRequest): Promise<void>;
  clearFaults(): Promise<void>;
  /** Sets the emulator clock's offset from the shared test clock (POST /admin/clock). */
  setEmulatorClockOffset(offsetMs: number): Promise<void>;
  /** What the emulator knows of an order (GET /admin/orders/:id). */
  emulatorOrder(appTransId: string): Promise<EmulatorOrder>;
  orderRow(appTransId: string): Promise<typeof paymentAttempts.$inferSelect>;
  eventsOf(appTransId: string): Promise<Array<typeof paymentEvents.$inferSelect>>;
  fulfilmentsOf(appTransId: string): Promise<Array<typeof fulfilments.$inferSelect>>;
  close(): Promise<void>;
}

export const TEST_PAYMENTS_CONFIG = {
  appId: SANDBOX_APP.appId,
  orders: {
    ...PAYMENTS_TIMING_DEFAULTS.orders,
    minAmount: 1_000,
    maxAmount: 50_000_000,
    expireSeconds: 300,
  },
  poller: {
    ...PAYMENTS_TIMING_DEFAULTS.poller,
    intervalMs: 1_000,
    // Tests drive the poller with tick(); the interval is there but rarely fires.
    tickMs: 60_000,
    queryRatePerSecond: 1_000,
    concurrency: 8,
    expiryGraceMs: 5_000,
    leaseMs: 30_000,
    statusCacheMs: 2_000,
  },
} satisfies Omit<PaymentsConfig, 'publicBaseUrl'>;

export async function startServiceHarness(
  driver: DatabaseDriver,
  options: ServiceHarnessOptions = {},
): Promise<ServiceHarness> {
  const clock = options.clock ?? createTestClock();
  const zalopayTimeoutMs = options.zalopayTimeoutMs ?? 4_000;
  const ownsEmulator = !options.emulator;
  const emulator =
    options.emulator ??
    (await startEmulator({
      now: clock.nowMs,
      settings: {
        callbackRetryIntervalMs: 50,
        timeoutFaultMs: zalopayTimeoutMs + 500,
        ...options.emulatorSettings,
      },
    }));
  const admin = emulatorAdminClient(emulator.url);
  let testDatabase: TestDatabase | undefined;
  const database = options.database ?? (testDatabase = await createTestDatabase(driver));
  const log = options.log ?? silentLogger();

  // The merchant's callback route must exist before the service (its URL goes into the config), so it
  // starts by answering "retry later" and is pointed at the service once that exists.
  let callbackRoute = async (_rawBody: Buffer): Promise<CallbackReply> => ({
    httpStatus: 503,
    body: { return_code: 0, return_message: 'starting' },
  });
  const receiver = await startMerchantReceiver(async (_index, rawBody) => {
    const reply = await callbackRoute(rawBody);
    return { status: reply.httpStatus, body: JSON.stringify(reply.body) };
  });
  const config: PaymentsConfig = {
    ...TEST_PAYMENTS_CONFIG,
    publicBaseUrl: receiver.origin,
    orders: { ...TEST_PAYMENTS_CONFIG.orders, ...options.config?.orders },
    poller: { ...TEST_PAYMENTS_CONFIG.poller, ...options.config?.poller },
  };

  const queriesByOrder = new Map<string, number>();
  const client = createZaloPayClient({
    appId: SANDBOX_APP.appId,
    key1: SANDBOX_APP.key1,
    key2: SANDBOX_APP.key2,
    apiBaseUrl: emulator.url,
    gatewayBaseUrl: emulator.url,
    timeoutMs: zalopayTimeoutMs,
    maxRetries: 0,
    now: clock.nowMs,
  });
  const zalopay: ZaloPayClient = {
    ...client,
    queryOrder(appTransId) {
      queriesByOrder.set(appTransId, (queriesByOrder.get(appTransId) ?? 0) + 1);
      return client.queryOrder(appTransId);
    },
  };

  const service = createPaymentsService({
    database,
    zalopay,
    key2: SANDBOX_APP.key2,
    config,
    log,
    now: clock.now,
  });
  const poller = startPoller({
    database,
    zalopay,
    config,
    log,
    now: clock.now,
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
  });
  callbackRoute = (rawBody) => service.handleCallback(rawBody);

  async function orderRow(appTransId: string) {
    const [row] = await database.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.appTransId, appTransId));
    if (!row) throw new Error(`no order ${appTransId}`);
    return row;
  }

  return {
    database,
    databaseUrl: testDatabase?.url,
    emulator,
    admin,
    clock,
    zalopay,
    config,
    service,
    poller,
    queriesByOrder,
    async pay(appTransId) {
      await admin.pay(appTransId);
    },
    async addFaults(faults) {
      await admin.addFaults(faults);
    },
    async clearFaults() {
      await admin.clearFaults();
    },
    async setEmulatorClockOffset(offsetMs) {
      await admin.setClockOffset(offsetMs);
    },
    emulatorOrder: (appTransId) => admin.order(appTransId),
    orderRow,
    async eventsOf(appTransId) {
      const row = await orderRow(appTransId);
      return database.db
        .select()
        .from(paymentEvents)
        .where(eq(paymentEvents.orderId, row.id))
        .orderBy(paymentEvents.id);
    },
    async fulfilmentsOf(appTransId) {
      const row = await orderRow(appTransId);
      return database.db.select().from(fulfilments).where(eq(fulfilments.orderId, row.id));
    },
    async close() {
      await poller.stop();
      await service.close();
      await receiver.close();
      if (ownsEmulator) await emulator.close();
      await testDatabase?.dispose();
    },
  };
}
