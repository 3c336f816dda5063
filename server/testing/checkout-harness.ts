// Test support, the process layer (above service-harness.ts and app-harness.ts): the whole checkout as
// `npm start` runs it (startCheckout: embedded emulator, HTTP on 127.0.0.1, port 0) on a fresh database
// of the given driver, the emulator's admin client, and the REST calls the tests make to it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { DatabaseDriver } from '../../db/create-db';
import { createTestDatabase, type TestDatabase } from './test-database';
import { startCheckout, type RunningCheckout } from '../checkout-server';
import { emulatorAdminClient, type EmulatorAdminClient } from '../emulator/admin/admin-client';
import { loadEnv } from '../env';
import { silentLogger, type Logger } from '../logger';

export interface TestCheckout {
  checkout: RunningCheckout;
  /** The PostgreSQL test database behind it, if any (a PGlite one lives inside the checkout). */
  database: TestDatabase | undefined;
  /** The folder served as the built client (an index.html only; a test may add files). */
  clientDir: string;
  /** The embedded emulator's admin API (throws when the settings run the checkout without one). */
  readonly emulator: EmulatorAdminClient;
  close(): Promise<void>;
}

/** Starts a checkout with test settings; `settings` are environment variables that override them. */
export async function startTestCheckout(
  driver: DatabaseDriver,
  settings: Record<string, string> = {},
  log: Logger = silentLogger(),
): Promise<TestCheckout> {
  const database = driver === 'postgres' ? await createTestDatabase('postgres') : undefined;
  const clientDir = await mkdtemp(path.join(tmpdir(), 'checkout-client-'));
  await writeFile(
    path.join(clientDir, 'index.html'),
    '<!doctype html><html><head><title>checkout</title></head><body><div id="root"></div></body></html>',
  );
  const env = loadEnv({
    PORT: '0',
    EMULATOR_PORT: '0',
    PGLITE_DATA_DIR: 'memory://',
    DATABASE_URL: database?.url ?? '',
    POLL_TICK_MS: '60000',
    LOG_LEVEL: 'silent',
    CREATE_RATE_LIMIT_PER_MINUTE: '0',
    ORDER_RATE_LIMIT_PER_MINUTE: '0',
    ...settings,
  });
  const checkout = await startCheckout(env, log, { clientDir, shutdownTimeoutMs: 1_000 });
  const emulator = checkout.emulatorUrl ? emulatorAdminClient(checkout.emulatorUrl) : undefined;
  return {
    checkout,
    database,
    clientDir,
    get emulator() {
      if (!emulator) throw new Error('This test checkout runs without the embedded emulator');
      return emulator;
    },
    async close() {
      await checkout.close();
      await rm(clientDir, { recursive: true, force: true });
      await database?.dispose();
    },
  };
}

const createdOrderSchema = z.object({
  app_trans_id: z.string(),
  order_url: z.string(),
  expires_at: z.string(),
  status: z.string(),
});
export type CreatedOrder = z.infer<typeof createdOrderSchema>;

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** POST /api/payment/create, expecting 201. */
export async function createOrder(
  baseUrl: string,
  amount = 50_000,
  orderInfo = `Test order of ${amount} VND`,
): Promise<CreatedOrder> {
  const response = await postJson(`${baseUrl}/api/payment/create`, {
    amount,
    order_info: orderInfo,
  });
  if (response.status !== 201) {
    throw new Error(`create answered ${response.status}: ${await response.text()}`);
  }
  return createdOrderSchema.parse(await response.json());
}
