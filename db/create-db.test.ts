// The database factory and migrator on every available driver: schema in place, LISTEN/NOTIFY on commit only.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { paymentAttempts, merchantOrders } from './schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../server/testing/test-database';

function waitFor<T>(produce: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = produce();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(check, 20);
    };
    check();
  });
}

describe.each(testDatabaseDrivers())('createDb on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.dispose());

  it('reports its driver and migrates idempotently', async () => {
    expect(database.driver).toBe(driver);
    await migrate(database);
    const rows = await database.db.select().from(paymentAttempts);
    expect(rows).toEqual([]);
  });

  it('stores and reads an order with integer VND and timestamptz', async () => {
    const expiresAt = new Date('2026-01-01T00:15:00.000Z');
    await database.db.insert(merchantOrders).values({
      id: 'DBTEST0001',
      lines: [
        { sku: null, nameVi: 'Trà sữa', nameEn: 'Milk tea', unitPrice: 50_000_000, quantity: 1 },
      ],
      total: 50_000_000,
      description: 'Trà sữa',
    });
    const [inserted] = await database.db
      .insert(paymentAttempts)
      .values({
        appTransId: '260101_db_test',
        shopOrderId: 'DBTEST0001',
        attempt: 1,
        appId: 2553,
        appUser: 'demo',
        amount: 50_000_000,
        description: 'Trà sữa',
        item: '[]',
        embedData: '{"redirecturl":"http://127.0.0.1/order/confirmation"}',
        appTime: 1_767_225_600_000,
        expiresAt,
        nextPollAt: expiresAt,
      })
      .returning();
    const [read] = await database.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.id, inserted!.id));
    expect(read).toMatchObject({ amount: 50_000_000, status: 'PENDING', description: 'Trà sữa' });
    expect(read!.expiresAt.getTime()).toBe(expiresAt.getTime());
  });

  it('delivers NOTIFY to listeners when the transaction commits, not when it rolls back', async () => {
    const received: string[] = [];
    const unlisten = await database.listen('db_test_channel', (payload) => received.push(payload));
    try {
      await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`select pg_notify('db_test_channel', 'rolled-back')`);
          tx.rollback();
        })
        .catch(() => undefined);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('db_test_channel', 'committed')`);
      });
      await waitFor(() => (received.length > 0 ? received : undefined));
      expect(received).toEqual(['committed']);
    } finally {
      await unlisten();
    }
  });
});
