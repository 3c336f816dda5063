// What a caller learns from a failure: a NUL byte that reaches the database is
// a 400, never a 500 carrying the SQL statement and its parameters; and while the database is down,
// tRPC and REST answer a generic message with the request id, never the statement, host or port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../testing/test-database';
import { createApp } from '../app';
import { requestLogging } from '../observability/request-logging';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { capturedLog } from '../testing/captured-log';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../api-errors/error-reply';

/** Words that only an internal error message would carry. */
const INTERNALS =
  /select|insert|params|payment_attempts|5432|127\.0\.0\.1|postgres|pglite|\bat \w+ \(/i;

describe.each(testDatabaseDrivers())('error answers (%s)', (driver) => {
  const captured = capturedLog();
  let database: TestDatabase;
  let harness: ServiceHarness;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    harness = await startServiceHarness(driver, { database, log: captured.log });
    const app = createApp({
      payments: harness.service,
      log: captured.log,
      operations: { requestLogging: requestLogging(captured.log), routes: Router() },
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await harness?.close().catch(() => undefined);
    // Closed by the outage test already: PGlite refuses a second close, PostgreSQL still drops the database.
    await database?.dispose().catch(() => undefined);
  });

  const trpcGetStatus = (appTransId: string) =>
    fetch(
      `${base}/trpc/getStatus?input=${encodeURIComponent(JSON.stringify({ json: { appTransId } }))}`,
    );

  it('a NUL byte in a tRPC status read is a 400 without the statement', async () => {
    const response = await trpcGetStatus('260101_a\u0000');
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).not.toMatch(INTERNALS);
  });

  it('a NUL byte in a REST status read is a 400 without the statement', async () => {
    const response = await fetch(`${base}/api/payment/status/260101_a%00`);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(INTERNALS);
  });

  it('a batch of more than 10 calls is refused as a whole', async () => {
    const paths = Array.from({ length: 11 }, () => 'getStatus').join(',');
    const inputs = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [i, { json: { appTransId: `260101_${i}` } }]),
    );
    const response = await fetch(
      `${base}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`,
    );
    expect(response.status).toBe(400);
  });

  it('with the database down: a generic message and the request id, the details in the log only', async () => {
    await database.close();
    // A closed PostgreSQL handle is a lost connection: 503 "try again"; PGlite's is a 500.
    const expected =
      driver === 'postgres'
        ? { status: 503, code: 'database_unavailable', message: () => DATABASE_UNAVAILABLE_MESSAGE }
        : {
            status: 500,
            code: 'internal_error',
            message: (id: string) => `Something went wrong on our side (request id ${id})`,
          };

    const trpc = await trpcGetStatus('260101_abcdefgh12345678');
    const trpcText = await trpc.text();
    const trpcId = trpc.headers.get('x-request-id') ?? '';
    expect(trpc.status).toBe(expected.status);
    expect(trpcText).not.toMatch(INTERNALS);
    expect(trpcText).toContain(expected.message(trpcId));
    expect(trpcText).toContain(trpcId);

    const rest = await fetch(`${base}/api/payment/status/260101_abcdefgh12345678`);
    const restId = rest.headers.get('x-request-id') ?? '';
    expect(rest.status).toBe(expected.status);
    expect(await rest.json()).toEqual({
      error: { code: expected.code, message: expected.message(restId), request_id: restId },
    });

    // The operator still finds the cause, by the request id.
    const logged = captured.lines().filter((line) => line.reqId === trpcId && line.err);
    expect(logged.length).toBeGreaterThan(0);
  });
});
