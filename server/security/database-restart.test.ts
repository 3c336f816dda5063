// Issue 26, item 4: during a PostgreSQL restart, creates and status reads answered a generic 500. Over
// real HTTP against a checkout on a real PostgreSQL, whose connections are terminated (pg_terminate_backend
// on the test database) and, through a proxy, refused as a restarting server refuses them: REST and
// tRPC answer 503 with Retry-After and say to try again; once the database is back, the same requests
// succeed. PostgreSQL only (PGlite lives in the process and does not restart).
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../testing/test-database';
import { startDatabaseProxy, type DatabaseProxy } from '../testing/database-proxy';
import {
  createOrder,
  postJson,
  startTestCheckout,
  type TestCheckout,
} from '../testing/checkout-harness';

const withPostgres = testDatabaseDrivers().includes('postgres');

/** Words that only an internal error message would carry. */
const INTERNALS = /select|insert|payment_attempts|5432|postgres|CONNECTION_|ECONN/i;

describe.skipIf(!withPostgres)('a PostgreSQL restart under a running checkout', () => {
  let database: TestDatabase;
  let proxy: DatabaseProxy;
  let running: TestCheckout;
  let base: string;
  let appTransId: string;
  let orderId: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    proxy = await startDatabaseProxy(database.url!);
    running = await startTestCheckout('pglite', { DATABASE_URL: proxy.url });
    base = running.checkout.url;
    const created = await createOrder(base);
    appTransId = created.app_trans_id;
    const order = await postJson(`${base}/api/orders`, {
      lines: [{ sku: 'banh-mi', quantity: 1 }],
    });
    orderId = ((await order.json()) as { order_id: string }).order_id;
  });
  afterAll(async () => {
    await running?.close();
    await proxy?.close();
    await database?.dispose();
  });

  /** pg_terminate_backend on every connection to the test database but ours. */
  async function terminateBackends(): Promise<number> {
    const admin = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const rows = await admin`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`;
      return rows.length;
    } finally {
      await admin.end({ timeout: 1 });
    }
  }

  const trpcInput = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));
  const requests: Array<[string, () => Promise<Response>]> = [
    ['REST status read', () => fetch(`${base}/api/payment/status/${appTransId}`)],
    ['REST order read', () => fetch(`${base}/api/orders/${orderId}`)],
    [
      'REST order create',
      () => postJson(`${base}/api/orders`, { lines: [{ sku: 'banh-mi', quantity: 1 }] }),
    ],
    ['REST payment create', () => postJson(`${base}/api/payment/create`, { order_id: orderId })],
    ['tRPC getStatus', () => fetch(`${base}/trpc/getStatus?input=${trpcInput({ appTransId })}`)],
    [
      'tRPC createOrder',
      () =>
        postJson(`${base}/trpc/createOrder`, {
          json: { lines: [{ sku: 'banh-mi', quantity: 1 }] },
        }),
    ],
  ];

  it('answers 503 with Retry-After while it restarts, and serves again once it is back', async () => {
    expect(await terminateBackends()).toBeGreaterThan(0);
    proxy.restart();
    for (const [label, request] of requests) {
      const response = await request();
      const text = await response.text();
      expect({ label, status: response.status }).toEqual({ label, status: 503 });
      expect(response.headers.get('retry-after')).toBe('2');
      expect(text).toContain('try again');
      expect(text).not.toMatch(INTERNALS);
      if (label.startsWith('REST')) {
        expect(JSON.parse(text)).toMatchObject({ error: { code: 'database_unavailable' } });
      } else {
        expect(JSON.parse(text)).toMatchObject({
          error: { json: { data: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } } },
        });
      }
    }

    proxy.recover();
    for (const [label, request] of requests) {
      const response = await request();
      expect({ label, ok: response.status < 300 }).toEqual({ label, ok: true });
    }
  });

  it('answers 503 for connections killed under it, not 500', async () => {
    // No proxy cut this time: the server kills the backends, the driver reconnects on the next query.
    const statuses: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      await terminateBackends();
      const [rest, trpc] = await Promise.all([requests[0]![1](), requests[4]![1]()]);
      statuses.push(rest.status, trpc.status);
    }
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
  });
});
