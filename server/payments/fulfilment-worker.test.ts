// The fulfilment outbox worker on a real database: each paid order reaches the hook with its stable
// idempotency key, a failing hook is retried later, and a done row is never delivered again.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fulfilments, paymentOrders } from '../../db/schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../../db/test-databases';
import { silentLogger } from '../logger';
import { startFulfilmentWorker, type FulfilmentJob } from './fulfilment-worker';
import { applyPaymentInput } from './order-transitions';

describe.each(testDatabaseDrivers())('fulfilment worker on %s', (driver) => {
  let database: TestDatabase;
  let nowMs = Date.now();
  const now = () => new Date(nowMs);
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.dispose());

  async function paidOrder(amount: number) {
    const [order] = await database.db
      .insert(paymentOrders)
      .values({
        appTransId: `260101_${randomUUID()}`,
        appId: 2553,
        appUser: 'demo',
        amount,
        description: 'test',
        item: '[]',
        embedData: '{}',
        appTime: nowMs,
        expiresAt: new Date(nowMs + 900_000),
        nextPollAt: now(),
      })
      .returning();
    await applyPaymentInput(
      { db: database.db, log: silentLogger(), now },
      order!.id,
      { kind: 'callback', payload: {} },
      { to: 'PAID', zpTransId: String(260101000000000 + amount), paidAt: now(), via: 'callback' },
    );
    return order!;
  }

  it('hands each paid order to the hook once, then marks it done', async () => {
    const delivered: FulfilmentJob[] = [];
    const worker = startFulfilmentWorker({
      db: database,
      hook: async (job) => {
        delivered.push(job);
      },
      log: silentLogger(),
      intervalMs: 60_000,
      now,
    });
    try {
      const orders = [await paidOrder(11_000), await paidOrder(12_000)];
      expect(await worker.drain()).toBe(2);
      expect(await worker.drain()).toBe(0);
      expect(delivered.map((job) => job.appTransId).sort()).toEqual(
        orders.map((o) => o.appTransId).sort(),
      );
      const job = delivered.find((j) => j.amount === 11_000)!;
      expect(job).toMatchObject({ idempotencyKey: job.appTransId, zpTransId: '260101000011000' });
      expect(job.paidAt).toBeInstanceOf(Date);
      const [row] = await database.db
        .select()
        .from(fulfilments)
        .where(eq(fulfilments.orderId, orders[0]!.id));
      expect(row).toMatchObject({ status: 'DONE', attempts: 1, leaseUntil: null });
    } finally {
      await worker.stop();
    }
  });

  it('retries a failing hook after a backoff, with the same idempotency key', async () => {
    const keys: string[] = [];
    let failuresLeft = 1;
    const worker = startFulfilmentWorker({
      db: database,
      hook: async (job) => {
        keys.push(job.idempotencyKey);
        if (failuresLeft-- > 0) throw new Error('warehouse offline');
      },
      log: silentLogger(),
      intervalMs: 60_000,
      now,
    });
    try {
      const order = await paidOrder(13_000);
      expect(await worker.drain()).toBe(0);
      const [failed] = await database.db
        .select()
        .from(fulfilments)
        .where(eq(fulfilments.orderId, order.id));
      expect(failed).toMatchObject({
        status: 'PENDING',
        lastError: 'warehouse offline',
        attempts: 1,
      });
      expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(nowMs);

      expect(await worker.drain()).toBe(0);
      nowMs += 5_000;
      expect(await worker.drain()).toBe(1);
      expect(keys).toEqual([order.appTransId, order.appTransId]);
    } finally {
      await worker.stop();
    }
  });
});
