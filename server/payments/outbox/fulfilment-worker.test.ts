// The fulfilment outbox worker on a real database: each paid order reaches the hook with its stable
// idempotency key, a failing hook is retried later, and a done row is never delivered again.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fulfilments } from '../../../db/schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../../testing/test-database';
import { silentLogger } from '../../logger';
import { insertStoredOrder, storedMerchantOrder } from '../../testing/stored-orders';
import { startFulfilmentWorker, type FulfilmentJob } from './fulfilment-worker';
import { applyPaymentInput } from '../attempts/attempt-transitions';

describe.each(testDatabaseDrivers())('fulfilment worker on %s', (driver) => {
  let database: TestDatabase;
  let nowMs = Date.now();
  const now = () => new Date(nowMs);
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.dispose());

  async function paidOrder(amount: number) {
    const order = await insertStoredOrder(database.db, { amount, at: now() });
    await applyPaymentInput(
      { db: database.db, log: silentLogger(), now },
      order.id,
      { kind: 'callback', payload: {} },
      { to: 'PAID', zpTransId: String(260101000000000 + amount), paidAt: now(), via: 'callback' },
    );
    return order;
  }

  it('hands each paid order to the hook once, then marks it done', async () => {
    const delivered: FulfilmentJob[] = [];
    const worker = startFulfilmentWorker({
      database,
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
      const job = delivered.find((j) => j.total === 11_000)!;
      expect(job).toMatchObject({
        idempotencyKey: orders[0]!.shopOrderId,
        orderId: orders[0]!.shopOrderId,
        appTransId: orders[0]!.appTransId,
        zpTransId: '260101000011000',
        lines: [{ sku: null, unitPrice: 11_000, quantity: 1 }],
      });
      expect(job.paidAt).toBeInstanceOf(Date);
      expect(await storedMerchantOrder(database.db, orders[0]!.shopOrderId)).toMatchObject({
        status: 'FULFILLED',
        fulfilledAt: now(),
      });
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
      database,
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
      expect(keys).toEqual([order.shopOrderId, order.shopOrderId]);
    } finally {
      await worker.stop();
    }
  });

  it('marks a batch done together, and records the one failure in it for a retry', async () => {
    const delivered: string[] = [];
    const worker = startFulfilmentWorker({
      database,
      hook: async (job) => {
        delivered.push(job.appTransId);
        if (job.total === 14_002) throw new Error('label printer jammed');
      },
      log: silentLogger(),
      intervalMs: 60_000,
      now,
    });
    try {
      const orders: Array<{ id: string; amount: number }> = [];
      for (let i = 0; i < 5; i++) orders.push(await paidOrder(14_000 + i));
      expect(await worker.drain()).toBe(4);
      expect(delivered).toHaveLength(5);
      const rows = await database.db
        .select({
          orderId: fulfilments.orderId,
          status: fulfilments.status,
          lastError: fulfilments.lastError,
        })
        .from(fulfilments)
        .where(
          inArray(
            fulfilments.orderId,
            orders.map((o) => o.id),
          ),
        );
      const byAmount = new Map(
        rows.map((row) => [orders.find((o) => o.id === row.orderId)!.amount, row]),
      );
      for (const amount of [14_000, 14_001, 14_003, 14_004]) {
        expect(byAmount.get(amount)).toMatchObject({ status: 'DONE', lastError: null });
      }
      expect(byAmount.get(14_002)).toMatchObject({
        status: 'PENDING',
        lastError: 'label printer jammed',
      });
    } finally {
      await worker.stop();
    }
  });
});
