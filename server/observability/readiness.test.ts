// /readyz over real HTTP on a real database: ready, then not ready (naming the failed checks) once the
// database is closed, and not ready when the gateway does not answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { readinessRoute } from './probe-routes';
import { createReadinessCheck } from './readiness';

const servers: Server[] = [];
let database: TestDatabase | undefined;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await database?.dispose().catch(() => undefined);
  database = undefined;
});

async function readyz(url: string) {
  const response = await fetch(`${url}/readyz`);
  return {
    status: response.status,
    body: (await response.json()) as { status: string; failed: string[] },
  };
}

describe('GET /readyz', () => {
  it('answers 503 naming the database checks once the database is closed', async () => {
    database = await createTestDatabase('pglite');
    const gatewayUrl = await listen((_req, res) => res.writeHead(404).end());
    const app = express().use(
      readinessRoute(createReadinessCheck({ db: database.db, gatewayUrl, gatewayCacheMs: 0 })),
    );
    const url = await listen(app);

    expect(await readyz(url)).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ready', failed: [] }),
    });

    await database.close();
    const closed = await readyz(url);
    expect(closed.status).toBe(503);
    expect(closed.body.status).toBe('not_ready');
    expect(closed.body.failed).toEqual(['database', 'migrations']);
  });

  it('answers 503 naming the gateway when nothing answers at its URL', async () => {
    database = await createTestDatabase('pglite');
    const gone = await listen((_req, res) => res.end());
    servers[0]!.closeAllConnections();
    await new Promise((resolve) => servers.shift()!.close(resolve));
    const app = express().use(
      readinessRoute(
        createReadinessCheck({ db: database.db, gatewayUrl: gone, gatewayTimeoutMs: 500 }),
      ),
    );
    const url = await listen(app);
    const answer = await readyz(url);
    expect(answer.status).toBe(503);
    expect(answer.body.failed).toEqual(['gateway']);
  });
});
