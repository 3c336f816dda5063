// SIGTERM as a process manager sends it: the real entry point (server/main.ts) stops accepting, ends live
// status streams, stops the poller and the workers, closes the database and exits 0.
import { spawn } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { exited, freePort } from './testing/child-process-lifecycle';
import { createOrder } from './testing/checkout-harness';

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
  const input = encodeURIComponent(JSON.stringify({ json: { appTransId: order.app_trans_id } }));
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

  const started = Date.now();
  child.kill('SIGTERM');
  const streamEnded = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true }));
      if (chunk.done) return true;
    }
  })();
  await exited(child);
  expect(child.exitCode).toBe(0);
  expect(await streamEnded).toBe(true);
  expect(Date.now() - started).toBeLessThan(10_000);
}, 90_000);
