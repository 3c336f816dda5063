// What ROLE and MIGRATE_ON_START change in a whole checkout (startCheckout, real HTTP): a worker serves
// its probes and nothing else; an instance started before the migrations answers /readyz 503, then
// becomes ready and starts its background work once `npm run migrate` has run (PostgreSQL only: PGlite
// cannot be opened by a second process). The worker's rounds are tested end to end in
// server/chaos/roles.chaos.test.ts.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env';
import { startCheckout, type RunningCheckout } from './checkout-server';
import { startEmulator, type RunningEmulator } from './emulator/emulator';
import { capturedLog } from './testing/captured-log';
import { createOrder } from './testing/checkout-harness';
import { createDb } from '../db/create-db';
import { migrate } from '../db/migrate';

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator?.close());

function envFor(extra: Record<string, string>) {
  return loadEnv({
    PORT: '0',
    PGLITE_DATA_DIR: 'memory://',
    EMULATOR_EMBEDDED: 'false',
    ZALOPAY_API_BASE_URL: emulator.url,
    LOG_LEVEL: 'silent',
    ...extra,
  });
}

describe('ROLE=worker', () => {
  let worker: RunningCheckout;
  beforeAll(async () => {
    worker = await startCheckout(envFor({ ROLE: 'worker' }), capturedLog('silent').log);
  });
  afterAll(() => worker?.close());

  it('serves /healthz, /readyz and /metrics', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect((await fetch(`${worker.url}${path}`)).status, path).toBe(200);
    }
  });

  it('serves nothing a shopper, ZaloPay or an operator could use', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/index.html'],
      ['POST', '/api/payment/create'],
      ['GET', '/api/payment/status/261204_anything_1'],
      ['POST', '/api/zalopay/callback'],
      ['GET', '/trpc/getStatus'],
      ['GET', '/ops'],
    ] as const) {
      const response = await fetch(`${worker.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? '{}' : null,
      });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: 'Not found' },
      });
    }
  });
});

describe.skipIf(!serverUrl)('MIGRATE_ON_START=false (PostgreSQL)', () => {
  const name = `checkout_late_migrate_${randomBytes(5).toString('hex')}`;
  const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : undefined;
  let url = '';
  beforeAll(async () => {
    await admin!.unsafe(`CREATE DATABASE "${name}"`);
    const database = new URL(serverUrl!);
    database.pathname = `/${name}`;
    url = database.href;
  });
  afterAll(async () => {
    await admin?.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end({ timeout: 5 });
  });

  it('is not ready until the migrations ran, then takes payments and starts its rounds', async () => {
    const captured = capturedLog('info');
    const checkout = await startCheckout(
      envFor({ DATABASE_URL: url, MIGRATE_ON_START: 'false', POLL_TICK_MS: '100' }),
      captured.log,
    );
    try {
      const before = await fetch(`${checkout.url}/readyz`);
      expect(before.status).toBe(503);
      expect(await before.json()).toMatchObject({ failed: ['migrations'] });
      const said = (words: string) =>
        captured.lines().some((line) => String(line.msg).includes(words));
      // The first check of the schema runs beside the start, so its warning may come just after it.
      for (let waited = 0; waited < 50 && !said('npm run migrate'); waited += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(said('npm run migrate')).toBe(true);
      expect(said('background work started')).toBe(false);

      const deployStep = await createDb({ databaseUrl: url, maxConnections: 1 });
      await migrate(deployStep);
      await deployStep.close();

      expect((await fetch(`${checkout.url}/readyz`)).status).toBe(200);
      const order = await createOrder(checkout.url, 30_000, 'After the deploy step');
      expect(order.status).toBe('PENDING');
      // The rounds start once the schema is there (checked every 2 s), and run without an error line.
      for (let waited = 0; waited < 50 && !said('background work started'); waited += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(said('background work started')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(captured.lines().filter((line) => Number(line.level) >= 50)).toEqual([]);
    } finally {
      await checkout.close();
    }
  });
});
