// The shop's menu read in front of tRPC's adapter must answer what the adapter answers (one call or the
// batch httpBatchLink sends), compressed once per catalogue version, 304 when unchanged, a change seen
// at the next check, and every other call left to the adapter.
import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogueService } from '../catalogue/catalogue-service';
import { createStorefrontCache } from '../catalogue/storefront-cache';
import { silentLogger } from '../logger';
import { createPaymentRateLimit } from '../security/create-rate-limit';
import { createRedirectReportLimit } from '../security/redirect-report-limit';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import type { Context } from '../trpc/context';
import { appRouter, type AppRouter } from '../trpc/router';
import { compressedAnswers } from './compressed-answers';
import { TRPC_MAX_BATCH_SIZE } from './trpc-batch-limit';
import { trpcRoute } from './trpc-route';

let harness: ServiceHarness;
const servers: Server[] = [];
let prepared: string;
let adapterOnly: string;

async function serve(app: express.Express): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
}

beforeAll(async () => {
  harness = await startServiceHarness('pglite');
  const limits = {
    creates: createPaymentRateLimit(0),
    orders: createPaymentRateLimit(0),
    redirectReports: createRedirectReportLimit(0),
  };
  // Checked on every read: a change is seen at once (production checks once a second).
  const storefront = createStorefrontCache(harness.database.db, { checkMs: 0 });
  prepared = await serve(
    express()
      .use(compressedAnswers())
      .use(
        '/trpc',
        ...trpcRoute({
          payments: harness.service,
          log: silentLogger(),
          limits,
          liveStreamsPerClient: 0,
          storefront,
        }),
      ),
  );
  const context: Context = { payments: harness.service, limits, clientIp: () => '127.0.0.1' };
  adapterOnly = await serve(
    express().use(
      '/trpc',
      createExpressMiddleware({
        router: appRouter,
        createContext: () => context,
        maxBatchSize: TRPC_MAX_BATCH_SIZE,
      }),
    ),
  );
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await harness?.close();
});

/** One GET with these headers, its body as sent (no decoding by the client). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      httpRequest(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

const single = '/listProducts';
const batch = (paths: string[], inputs: unknown[]) =>
  `/${paths.join(',')}?batch=1&input=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, superjson.serialize(input)]))),
  )}`;
const shopRead = batch(['listProducts'], [undefined]);

describe('tRPC listProducts from prepared answers', () => {
  it('answers one call and the batch of one byte for byte as the adapter does, with an ETag', async () => {
    for (const call of [single, shopRead, `${single}?input=${encodeURIComponent('{}')}`]) {
      const [fast, adapter] = [await rawGet(prepared + call), await rawGet(adapterOnly + call)];
      expect(fast.status, call).toBe(200);
      expect(fast.headers['content-type'], call).toBe(adapter.headers['content-type']);
      expect(fast.headers.etag, call).toMatch(/^"[\w-]+-identity"$/);
      expect(fast.body.toString(), call).toBe(adapter.body.toString());
      expect(fast.body.toString(), call).toContain('"sku":"banh-mi"');
    }
  });

  it('sends the prepared brotli or gzip body the browser asks for, and 304 when it has it', async () => {
    const identity = (await rawGet(adapterOnly + shopRead)).body.toString();
    const decode = { br: brotliDecompressSync, gzip: gunzipSync };
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'gzip'],
      ['br', 'br'],
    ] as const) {
      const first = await rawGet(prepared + shopRead, { 'accept-encoding': accept });
      expect(first.headers['content-encoding']).toBe(encoding);
      expect(first.headers.vary).toContain('accept-encoding');
      expect(first.headers['cache-control']).toBe('no-cache');
      expect(decode[encoding](first.body).toString()).toBe(identity);
      const again = await rawGet(prepared + shopRead, {
        'accept-encoding': accept,
        'if-none-match': String(first.headers.etag),
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it('a catalogue change gives the next read the new menu and a new ETag', async () => {
    const before = await rawGet(prepared + shopRead);
    await createCatalogueService({ db: harness.database.db, maxAmount: 50_000_000 }).retire(
      'api',
      'banh-mi',
    );
    const after = await rawGet(prepared + shopRead, {
      'if-none-match': String(before.headers.etag),
    });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.toString()).not.toContain('"sku":"banh-mi"');
    expect(after.body.toString()).toBe((await rawGet(adapterOnly + shopRead)).body.toString());
  });

  it('leaves other calls to the adapter, answered as it answers them', async () => {
    const cases = [
      batch(['listProducts', 'listProducts'], [undefined, undefined]),
      batch(['listProducts', 'getStatus'], [undefined, { appTransId: '261204_NOPE_1' }]),
      `${single}?input=${encodeURIComponent('{"json":')}`,
      `${shopRead}&extra=1`,
      `${single}?batch=2`,
    ];
    for (const call of cases) {
      const [fast, adapter] = [await rawGet(prepared + call), await rawGet(adapterOnly + call)];
      expect(fast.status, call).toBe(adapter.status);
      expect(fast.headers.etag, call).toBeUndefined();
      expect(fast.body.toString(), call).toBe(adapter.body.toString());
    }
  });

  it("gives tRPC's own clients the procedure's answer, alone and batched", async () => {
    const expected = await harness.service.listProducts();
    for (const link of [
      httpLink({ url: prepared, transformer: superjson }),
      httpBatchLink({ url: prepared, transformer: superjson }),
    ]) {
      const client = createTRPCClient<AppRouter>({ links: [link] });
      expect(await client.listProducts.query()).toEqual({ products: expected });
    }
  });
});
