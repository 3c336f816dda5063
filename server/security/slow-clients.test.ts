// Issue 26, item 2: trickled headers and bodies held a connection for 70 s and 310 s (Node's defaults),
// and nothing capped the connections. Over raw sockets against the real checkout: a request whose
// headers or body trickle in is cut at its setting (408, connection closed), a live status stream stays
// open past them, and connections beyond HTTP_MAX_CONNECTIONS are dropped. Loops are bounded.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStatusStream } from '../chaos/status-stream';
import { createOrder, startTestCheckout, type TestCheckout } from '../testing/checkout-harness';

const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
const MAX_CONNECTIONS = 8;

let running: TestCheckout;
let port: number;
beforeAll(async () => {
  running = await startTestCheckout('pglite', {
    HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HTTP_MAX_CONNECTIONS: String(MAX_CONNECTIONS),
  });
  port = Number(new URL(running.checkout.url).port);
});
afterAll(() => running.close());

function openSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

interface Trickle {
  /** What the server answered before it closed, and when it closed (ms after the first byte). */
  answer: string;
  closedAfterMs: number;
}

/** Sends `head` at once, then one byte of `rest` every 100 ms (at most 200 bytes), until the server closes. */
async function trickle(head: string, rest: string): Promise<Trickle> {
  const socket = await openSocket();
  const started = performance.now();
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => resolve(performance.now() - started)),
  );
  socket.write(head);
  for (let i = 0; i < Math.min(rest.length, 200) && !socket.destroyed; i += 1) {
    const done = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 100)),
    ]);
    if (done) break;
    socket.write(rest[i]!);
  }
  const closedAfterMs = await Promise.race([
    closed,
    new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 5_000)),
  ]);
  socket.destroy();
  return { answer, closedAfterMs };
}

const body = `{"data":"${'x'.repeat(150)}","mac":"0"}`;

describe('slow clients', () => {
  it('trickled headers are cut at HTTP_HEADERS_TIMEOUT_MS with a 408', async () => {
    const cut = await trickle(
      'POST /api/zalopay/callback HTTP/1.1\r\nHost: shop\r\n',
      `X-Slow: ${'a'.repeat(190)}\r\n\r\n`,
    );
    expect(cut.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(cut.closedAfterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(cut.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS * 2);
  });

  it.each([
    ['the callback route', '/api/zalopay/callback'],
    ['tRPC', '/trpc/createOrder'],
    ['REST create', '/api/payment/create'],
  ])('a trickled body on %s is cut at HTTP_REQUEST_TIMEOUT_MS with a 408', async (_label, path) => {
    const cut = await trickle(
      `POST ${path} HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
    );
    expect(cut.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(cut.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(cut.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + HEADERS_TIMEOUT_MS);
  });

  it('a request that arrives in time is answered as usual', async () => {
    const response = await fetch(`${running.checkout.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('a live status stream stays open past both timeouts and still delivers', async () => {
    const order = await createOrder(running.checkout.url);
    const stream = await openStatusStream(running.checkout.url, order.app_trans_id);
    try {
      await new Promise((resolve) => setTimeout(resolve, REQUEST_TIMEOUT_MS + 1_000));
      await running.emulator.pay(order.app_trans_id);
      for (let i = 0; i < 50 && !stream.statuses().includes('PAID'); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(stream.statuses()).toContain('PAID');
    } finally {
      stream.close();
    }
  });

  it('connections beyond HTTP_MAX_CONNECTIONS are dropped, and served again once below it', async () => {
    const held = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => openSocket()));
    // Give the server the time to register every accepted connection.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = await openSocket();
    const dropped = await new Promise<boolean>((resolve) => {
      extra.once('close', () => resolve(true));
      extra.on('error', () => undefined);
      extra.write('GET /healthz HTTP/1.1\r\nHost: shop\r\n\r\n');
      setTimeout(() => resolve(false), 1_000);
    });
    expect(dropped).toBe(true);
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${running.checkout.url}/healthz`)).status).toBe(200);
  });
});
