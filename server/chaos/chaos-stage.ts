// The stage every chaos scenario plays on: a fresh PostgreSQL database, the ZaloPay emulator, the
// recording proxy in front of it, and any number of real checkout processes wired to all three.
import { startEmulator, type EmulatorSettings, type RunningEmulator } from '../emulator/emulator';
import { createChaosDatabase, chaosServerUrl, type ChaosDatabase } from './chaos-database';
import { startCheckoutInstance, type CheckoutInstance } from './checkout-instance';
import { freePort } from '../testing/child-process-lifecycle';
import { emulatorAdminClient, type EmulatorAdminClient } from '../emulator/admin/admin-client';
import { startGatewayProxy, type GatewayProxy } from './gateway-proxy';

export interface ChaosStage {
  database: ChaosDatabase;
  emulator: RunningEmulator;
  admin: EmulatorAdminClient;
  proxy: GatewayProxy;
  /** Starts a checkout process (on `port`, or a fresh one) with the stage's env plus `env`. */
  startInstance(env?: Record<string, string>, port?: number): Promise<CheckoutInstance>;
  /** Stops every instance, the proxy and the emulator, and drops the database. */
  close(): Promise<void>;
}

export interface ChaosStageOptions {
  /** POLL_*, QUERY_RATE_PER_SECOND and the like, for every instance. */
  env: Record<string, string>;
  emulatorSettings?: Partial<EmulatorSettings>;
}

export async function setUpChaosStage(options: ChaosStageOptions): Promise<ChaosStage> {
  const database = await createChaosDatabase(chaosServerUrl());
  const emulator = await startEmulator({
    port: 0,
    settings: { callbackRetryIntervalMs: 200, timeoutFaultMs: 3_000, ...options.emulatorSettings },
  });
  const proxy = await startGatewayProxy(emulator.url);
  const instances: CheckoutInstance[] = [];

  return {
    database,
    emulator,
    admin: emulatorAdminClient(emulator.url),
    proxy,
    async startInstance(env = {}, port) {
      const instance = await startCheckoutInstance({
        port: port ?? (await freePort()),
        env: {
          DATABASE_URL: database.url,
          ZALOPAY_API_BASE_URL: proxy.url,
          ZALOPAY_GATEWAY_BASE_URL: emulator.url,
          // Every order comes from this one test process: the per-IP limit on creations does not apply.
          CREATE_RATE_LIMIT_PER_MINUTE: '0',
          ORDER_RATE_LIMIT_PER_MINUTE: '0',
          ...options.env,
          ...env,
        },
      });
      instances.push(instance);
      return instance;
    },
    async close() {
      await Promise.all(instances.map((instance) => instance.stop()));
      await proxy.close();
      await emulator.close();
      await database.drop();
    },
  };
}
