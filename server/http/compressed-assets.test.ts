// Over real HTTP: the built client is compressed and cached as a browser and a CDN expect (hashed assets
// for a year, HTML revalidated, unknown /assets a 404), JSON is compressed, and the live status stream
// and ZaloPay's callback never are.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrder, startTestCheckout, type TestCheckout } from '../testing/checkout-harness';
import { TRPC_MAX_BATCH_SIZE } from './trpc-batch-limit';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with node:http, so nothing decompresses behind the test's back. */
function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    firstChunk?: boolean;
  } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (options.firstChunk) {
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) });
            res.destroy();
          }
        });
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const SCRIPT = `export const greeting = ${JSON.stringify('xin chào '.repeat(400))};\n`;
const STYLES = `body { color: #14171f; }\n`.repeat(200);
let shop: TestCheckout;
let base: string;

beforeAll(async () => {
  shop = await startTestCheckout('pglite');
  base = shop.checkout.url;
  const clientDir = shop.clientDir;
  await writeFile(
    path.join(clientDir, 'index.html'),
    `<!doctype html><title>shop</title>${'<p>'.repeat(600)}`,
  );
  await mkdir(path.join(clientDir, 'assets'));
  await writeFile(path.join(clientDir, 'assets', 'index-B4x9Qz1k.js'), SCRIPT);
  await writeFile(path.join(clientDir, 'assets', 'index-Cq2w8e7R.css'), STYLES);
  await copyFile('client/public/favicon.ico', path.join(clientDir, 'favicon.ico'));
});

afterAll(() => shop?.close());

describe('the built client', () => {
  it('sends hashed scripts brotli-compressed, cached for a year and immutable', async () => {
    const answer = await rawRequest(`${base}/assets/index-B4x9Qz1k.js`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 5);
  });

  it('sends gzip to a browser that takes only gzip, and the bytes as they are to one that takes neither', async () => {
    const gzip = await rawRequest(`${base}/assets/index-Cq2w8e7R.css`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(STYLES);
    const plain = await rawRequest(`${base}/assets/index-Cq2w8e7R.css`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(STYLES);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates the HTML of every page, compressed', async () => {
    for (const page of ['/', '/checkout/7K3QMX9P2A', '/index.html']) {
      const answer = await rawRequest(`${base}${page}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(answer.status, page).toBe(200);
      expect(answer.headers['cache-control'], page).toBe('no-cache');
      expect(answer.headers['content-encoding'], page).toBe('gzip');
      // The document itself (the storefront may have put the shop's name in its title).
      expect(gunzipSync(answer.body).toString(), page).toMatch(
        /^<!doctype html><title>[^<]+<\/title><p>/,
      );
    }
  });

  it('answers an unknown /assets path 404, never the page', async () => {
    for (const missing of ['/assets/index-OLDHASH1.js', '/assets/', '/assets/nested/x.css']) {
      const answer = await rawRequest(`${base}${missing}`);
      expect(answer.status, missing).toBe(404);
      expect(answer.headers['content-type'], missing).toMatch(/^application\/json/);
      expect(answer.body.toString(), missing).not.toContain('<title>');
    }
  });

  it('serves a real favicon', async () => {
    const answer = await rawRequest(`${base}/favicon.ico`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    // An ICO header (reserved 0, type 1 = icon) holding one 32x32 PNG.
    expect([...answer.body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(answer.body.subarray(22, 26).toString('latin1')).toBe('\x89PNG');
  });
});

describe('the API', () => {
  it('compresses a JSON answer worth compressing, and leaves a small one as it is', async () => {
    const order = await createOrder(base, 50_000, 'Compressed JSON');
    const batch = Array.from({ length: 10 }, () => order.app_trans_id);
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(batch.map((id, i) => [i, { json: { appTransId: id } }]))),
    );
    const big = await rawRequest(
      `${base}/trpc/${batch.map(() => 'getStatus').join(',')}?batch=1&input=${input}`,
      { headers: { 'accept-encoding': 'gzip' } },
    );
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(big.body).toString())).toHaveLength(10);
    const small = await rawRequest(`${base}/api/payment/status/${order.app_trans_id}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString()).status).toBe('PENDING');
  });

  it("sends tRPC's own answers whole: a small one as it is with its length, a large one compressed", async () => {
    // tRPC's adapter streams its answers; sent chunked, every one was compressed, whatever its size.
    const small = await rawRequest(`${base}/trpc/createOrder`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, br' },
      body: JSON.stringify({ json: { lines: [{ sku: 'banh-mi', quantity: 1 }] } }),
    });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['transfer-encoding']).toBeUndefined();
    expect(Number(small.headers['content-length'])).toBe(small.body.length);
    const orderId = (
      JSON.parse(small.body.toString()) as { result: { data: { json: { orderId: string } } } }
    ).result.data.json.orderId;
    // A batch with getOrder in it is the adapter's to answer (the status reads answer only getStatus).
    const calls = Array.from({ length: TRPC_MAX_BATCH_SIZE }, () => 'getOrder');
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(calls.map((_, i) => [i, { json: { orderId } }]))),
    );
    const large = await rawRequest(`${base}/trpc/${calls.join(',')}?batch=1&input=${input}`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(large.status).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    const orders = JSON.parse(brotliDecompressSync(large.body).toString()) as unknown[];
    expect(orders).toHaveLength(TRPC_MAX_BATCH_SIZE);
  });

  it("lets tRPC's JSON Lines batch (httpBatchStreamLink) stream as it comes", async () => {
    const order = await createOrder(base, 50_000, 'JSON Lines');
    const input = encodeURIComponent(
      JSON.stringify({
        0: { json: { appTransId: order.app_trans_id } },
        1: { json: { appTransId: order.app_trans_id } },
      }),
    );
    const streamed = await rawRequest(`${base}/trpc/getStatus,getStatus?batch=1&input=${input}`, {
      headers: { 'trpc-accept': 'application/jsonl' },
    });
    expect(streamed.status).toBe(200);
    expect(streamed.headers['transfer-encoding']).toBe('chunked');
    expect(streamed.headers['content-length']).toBeUndefined();
    const lines = streamed.body.toString().trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('never compresses the live status stream: its first event arrives as plain text at once', async () => {
    const order = await createOrder(base, 50_000, 'Live stream');
    const input = encodeURIComponent(JSON.stringify({ json: { appTransId: order.app_trans_id } }));
    const started = Date.now();
    const stream = await rawRequest(`${base}/trpc/onStatusChange?input=${input}`, {
      headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, br' },
      firstChunk: true,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stream.body.toString()).toMatch(/^(:|data:|event:|id:|retry:)/m);
  });

  it('never compresses the answer to ZaloPay callback', async () => {
    const answer = await rawRequest(`${base}/api/zalopay/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, br' },
      body: JSON.stringify({ data: '{}', mac: '0'.repeat(64), type: 1 }),
    });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString())).toHaveProperty('return_code');
  });
});
