// SIGTERM as a process manager sends it: the real entry point (server/main.ts) stops accepting, ends live
// status streams, finishes the creations and callbacks in flight, stops the poller and the workers,
// closes the database and exits 0 within SHUTDOWN_TIMEOUT_MS.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { createDb } from '../db/create-db';
import { paymentAttempts } from '../db/schema';
import { startEmulator } from './emulator/emulator';
import { exited, freePort } from './testing/child-process-lifecycle';
import { createOrder } from './testing/checkout-harness';
import { paymentCallbackBody } from './testing/callback-bodies';
import { startSlowGateway } from './testing/slow-gateway';

let child: ReturnType<typeof spawn> | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

async function waitForHealth(url: string, limitMs: number) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become healthy within ${limitMs} ms`);
}

it('exits 0 on SIGTERM with a live status stream open', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      EMULATOR_PORT: String(await freePort()),
      DATABASE_URL: '',
      PGLITE_DATA_DIR: 'memory://',
      LOG_LEVEL: 'warn',
      CREATE_RATE_LIMIT_PER_MINUTE: '0',
      ORDER_RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await waitForHealth(url, 45_000);

  const order = await createOrder(url, 55_000, 'Graceful shutdown');
  const streamEnded = (await liveStream(url, order.app_trans_id))();

  const started = Date.now();
  child.kill('SIGTERM');
  await exited(child);
  expect(child.exitCode).toBe(0);
  expect(await streamEnded).toBe(true);
  expect(Date.now() - started).toBeLessThan(10_000);
}, 90_000);

/** Opens a live status stream, reads it until PENDING, and returns a wait for its end (true once closed). */
async function liveStream(url: string, appTransId: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { appTransId } }));
  const stream = await fetch(`${url}/trpc/onStatusChange?input=${input}`, {
    headers: { accept: 'text/event-stream' },
  });
  expect(stream.status).toBe(200);
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  for (let reads = 0; reads < 10 && !received.includes('PENDING'); reads += 1) {
    received += decoder.decode((await reader.read()).value);
  }
  expect(received).toContain('PENDING');
  return async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true }));
      if (chunk.done) return true;
    }
  };
}

/** A callback whose body arrives in two halves: it is in flight until finish() sends the rest. */
function callbackInFlight(url: string, body: string) {
  const half = Math.floor(body.length / 2);
  let answer = '';
  const req = request(`${url}/api/zalopay/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      res.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: answer }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, half));
  return {
    answered,
    finish: () => req.end(body.slice(half)),
  };
}

it('finishes a payment creation and a callback in flight, ends live streams, and exits within SHUTDOWN_TIMEOUT_MS', async () => {
  const emulator = await startEmulator({ port: 0 });
  const gateway = await startSlowGateway(emulator.url, 1_500);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'graceful-shutdown-'));
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: '',
        PGLITE_DATA_DIR: dataDir,
        EMULATOR_EMBEDDED: 'false',
        ZALOPAY_API_BASE_URL: gateway.url,
        ZALOPAY_GATEWAY_BASE_URL: emulator.url,
        SHUTDOWN_TIMEOUT_MS: '4000',
        LOG_LEVEL: 'warn',
        CREATE_RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await waitForHealth(url, 45_000);

    const paid = await createOrder(url, 42_000, 'Paid during the shutdown');
    const streamEnded = (await liveStream(url, paid.app_trans_id))();
    const callback = callbackInFlight(
      url,
      paymentCallbackBody({
        appTransId: paid.app_trans_id,
        amount: 42_000,
        zpTransId: 261204000000042,
      }),
    );
    const createReached = gateway.nextCreate();
    const creating = createOrder(url, 43_000, 'Created during the shutdown');
    await createReached;

    const started = Date.now();
    child.kill('SIGTERM');
    // Stop accepting: a new connection is refused while the old ones finish.
    let refused = false;
    for (let tries = 0; tries < 20 && !refused; tries += 1) {
      refused = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(500) }).then(
        () => false,
        () => true,
      );
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);
    callback.finish();

    expect(await callback.answered).toEqual({
      status: 200,
      body: expect.stringContaining('"return_code":1') as string,
    });
    const created = await creating;
    expect(created.status).toBe('PENDING');
    expect(await streamEnded).toBe(true);
    await exited(child);
    expect(child.exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(4_000 + 5_000);

    const database = await createDb({ dataDir });
    try {
      const rows = await database.db
        .select({ appTransId: paymentAttempts.appTransId, status: paymentAttempts.status })
        .from(paymentAttempts);
      expect(rows).toEqual(
        expect.arrayContaining([
          { appTransId: paid.app_trans_id, status: 'PAID' },
          { appTransId: created.app_trans_id, status: 'PENDING' },
        ]),
      );
      const [stored] = await database.db
        .select({ leaseOwner: paymentAttempts.leaseOwner })
        .from(paymentAttempts)
        .where(eq(paymentAttempts.appTransId, created.app_trans_id));
      expect(stored?.leaseOwner ?? null).toBeNull();
    } finally {
      await database.close();
    }
  } finally {
    await gateway.close();
    await emulator.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}, 90_000);
