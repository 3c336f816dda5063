// The status-read path in front of tRPC's adapter must answer exactly what the adapter answers: the same
// envelope, status and types for one call or a batch, and every other call or failure left to the adapter.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { createPaymentRateLimit } from '../security/create-rate-limit';
import { createRedirectReportLimit } from '../security/redirect-report-limit';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import type { Context } from '../trpc/context';
import { appRouter, statusInput, type AppRouter } from '../trpc/router';
import { TRPC_MAX_BATCH_SIZE } from './trpc-batch-limit';
import { trpcRoute } from './trpc-route';
import { trpcStatusReads } from './trpc-status-reads';

let harness: ServiceHarness;
const servers: Server[] = [];
let withReads: string;
let adapterOnly: string;
let readsAlone: string;
let paid: string;
let pending: string;

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
  withReads = await serve(
    express().use(
      '/trpc',
      ...trpcRoute({
        payments: harness.service,
        log: silentLogger(),
        limits,
        liveStreamsPerClient: 0,
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
  // The status reads with nothing behind them: what they hand on answers 404 from here.
  readsAlone = await serve(
    express().use('/trpc', trpcStatusReads(harness.service), (_req, res) => {
      res.status(404).json({ handedOn: true });
    }),
  );
  const paidOrder = await harness.service.createOrder([{ sku: 'banh-mi', quantity: 2 }]);
  paid = (await harness.service.payOrder(paidOrder.orderId)).appTransId;
  await harness.pay(paid);
  const pendingOrder = await harness.service.createOrder([{ sku: 'banh-mi', quantity: 1 }]);
  pending = (await harness.service.payOrder(pendingOrder.orderId)).appTransId;
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await harness?.close();
});

/** The answer with serverTime (the clock at answering) taken out: the only field two reads may differ in. */
async function answer(base: string, pathAndQuery: string) {
  const response = await fetch(`${base}${pathAndQuery}`);
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: text.replace(/"serverTime":"[^"]+"/g, '"serverTime":"-"'),
  };
}

const single = (appTransId: string) =>
  `/getStatus?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ appTransId })))}`;
const batch = (paths: string[], inputs: unknown[]) =>
  `/${paths.join(',')}?batch=1&input=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, superjson.serialize(input)]))),
  )}`;

describe('tRPC getStatus in front of the adapter', () => {
  it('answers one call and a batch byte for byte as the adapter does', async () => {
    const cases = [
      single(paid),
      single(pending),
      batch(['getStatus', 'getStatus'], [{ appTransId: paid }, { appTransId: pending }]),
      batch(['getStatus'], [{ appTransId: paid }]),
    ];
    for (const call of cases) {
      const fast = await answer(withReads, call);
      expect(fast.status, call).toBe(200);
      expect(fast.body, call).toContain('"status":"');
      expect(fast, call).toEqual(await answer(adapterOnly, call));
    }
  });

  it('answers the reads itself and hands on every call it does not answer', async () => {
    const answered = [
      single(paid),
      batch(['getStatus', 'getStatus'], [{ appTransId: paid }, { appTransId: pending }]),
    ];
    for (const call of answered) expect((await answer(readsAlone, call)).status, call).toBe(200);
    const handedOn = [
      single('261204_UNKNOWN0001_1'),
      single('not an id'),
      batch(['getStatus', 'getStatus'], [{ appTransId: paid }, { appTransId: '261204_NOPE_1' }]),
      batch(['getStatus', 'listProducts'], [{ appTransId: paid }, undefined]),
      `${single(paid)}&extra=1`,
    ];
    for (const call of handedOn) expect((await answer(readsAlone, call)).status, call).toBe(404);
  });

  it("runs all of getStatus's chain: its input schema, procedureCall (span, errors) and its resolver", () => {
    // A middleware added to getStatus or to publicProcedure would be skipped by these reads: this fails
    // until server/http/trpc-status-reads.ts does that middleware's work too (or stops answering).
    // tRPC keeps a procedure's chain in _def.middlewares, outside its public type.
    const { middlewares, inputs } = appRouter._def.procedures.getStatus._def as unknown as {
      middlewares: { name: string }[];
      inputs: unknown[];
    };
    expect(middlewares.map((middleware) => middleware.name)).toEqual([
      'procedureCall',
      'inputValidatorMiddleware',
      'resolveMiddleware',
    ]);
    expect(inputs).toEqual([statusInput]);
  });

  it('leaves failures and other calls to the adapter, answered as it answers them', async () => {
    const cases = [
      single('261204_UNKNOWN0001_1'),
      single('not an id'),
      `/getStatus?input=${encodeURIComponent('{"json":')}`,
      batch(['getStatus', 'getStatus'], [{ appTransId: paid }, { appTransId: '261204_NOPE_1' }]),
      batch(['getStatus', 'listProducts'], [{ appTransId: paid }, undefined]),
      `${single(paid)}&extra=1`,
      batch(
        Array.from({ length: 11 }, () => 'getStatus'),
        Array.from({ length: 11 }, () => ({ appTransId: paid })),
      ),
    ];
    for (const call of cases) {
      const [fast, adapter] = [await answer(withReads, call), await answer(adapterOnly, call)];
      expect(fast.status, call).toBe(adapter.status);
      expect(fast.body, call).toBe(adapter.body);
    }
  });

  it("gives tRPC's own clients the procedure's types, Dates included, alone and batched", async () => {
    for (const link of [
      httpLink({ url: withReads, transformer: superjson }),
      httpBatchLink({ url: withReads, transformer: superjson }),
    ]) {
      const client = createTRPCClient<AppRouter>({ links: [link] });
      const [a, b] = await Promise.all([
        client.getStatus.query({ appTransId: paid }),
        client.getStatus.query({ appTransId: pending }),
      ]);
      expect(a.status).toBe('PAID');
      expect(a.paidAt).toBeInstanceOf(Date);
      expect(b.status).toBe('PENDING');
      expect(b.expiresAt).toBeInstanceOf(Date);
      await expect(client.getStatus.query({ appTransId: '261204_NOPE_1' })).rejects.toMatchObject({
        data: { code: 'NOT_FOUND' },
      });
    }
  });
});
