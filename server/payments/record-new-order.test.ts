// The one-statement insert of a new order must write what the former two-insert transaction wrote
// (the order and its 'created' ledger row), and nothing at all when the idempotency key is taken.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/create-db';
import { paymentEvents, paymentOrders, type PaymentOrder } from '../../db/schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../../db/test-databases';
import { newAppTransId } from '../zalopay';
import { recordNewOrder, type NewOrder } from './record-new-order';
import { ledgerRowsOf, storedOrder } from '../testing/stored-orders';

/** The writes as they were made before the single statement: one transaction, two inserts. */
function recordWithTwoInserts(db: Database, order: NewOrder): Promise<PaymentOrder | undefined> {
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(paymentOrders)
      .values({
        appTransId: order.appTransId,
        appId: order.appId,
        appUser: order.appUser,
        amount: order.amount,
        description: order.description,
        item: order.item,
        embedData: order.embedData,
        appTime: order.appTime,
        idempotencyKey: order.idempotencyKey,
        expiresAt: order.expiresAt,
        nextPollAt: order.nextPollAt,
        createdAt: order.now,
        updatedAt: order.now,
      })
      .onConflictDoNothing({ target: paymentOrders.idempotencyKey })
      .returning();
    if (!stored) return undefined;
    await tx.insert(paymentEvents).values({
      orderId: stored.id,
      kind: 'created',
      payload: {
        amount: stored.amount,
        appTime: order.appTime,
        expiresAt: order.expiresAt.toISOString(),
      },
      createdAt: order.now,
    });
    return stored;
  });
}

describe.each(testDatabaseDrivers())('recording a new order in one statement on %s', (driver) => {
  let database: TestDatabase;
  const now = new Date('2026-11-21T08:00:00.123Z');
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.dispose());

  function newOrder(changes: Partial<NewOrder> = {}): NewOrder {
    return {
      appTransId: newAppTransId(now.getTime()),
      appId: 2553,
      appUser: 'demo',
      amount: 50_000,
      description: 'Cà phê sữa đá',
      item: '[]',
      embedData: '{"redirecturl":"http://localhost:3000/order/confirmation"}',
      appTime: now.getTime(),
      idempotencyKey: randomUUID(),
      expiresAt: new Date(now.getTime() + 900_000),
      nextPollAt: new Date(now.getTime() + 60_000),
      now,
      ...changes,
    };
  }

  const ordersWithKey = (key: string) =>
    database.db.select().from(paymentOrders).where(eq(paymentOrders.idempotencyKey, key));

  it('writes what the two-insert transaction wrote, and returns the stored order', async () => {
    const viaInserts = await recordWithTwoInserts(database.db, newOrder());
    const input = newOrder();
    const viaStatement = await recordNewOrder(database.db, input);

    expect(viaStatement).toBeDefined();
    // The returned order is the stored row, with the same types drizzle gives everywhere else.
    expect(viaStatement).toEqual(await storedOrder(database.db, viaStatement!.id));
    const differing = ['id', 'appTransId', 'idempotencyKey'] as const;
    const strip = (order: PaymentOrder) => {
      const copy: Partial<PaymentOrder> = { ...order };
      for (const key of differing) delete copy[key];
      return copy;
    };
    expect(strip(viaStatement!)).toEqual(strip(viaInserts!));
    expect(viaStatement).toMatchObject({
      appTransId: input.appTransId,
      idempotencyKey: input.idempotencyKey,
      status: 'PENDING',
      expiresAt: input.expiresAt,
      nextPollAt: input.nextPollAt,
      createdAt: now,
      updatedAt: now,
    });

    const referenceEvents = await ledgerRowsOf(database.db, viaInserts!.id);
    const events = await ledgerRowsOf(database.db, viaStatement!.id);
    expect(events).toHaveLength(1);
    expect(referenceEvents).toHaveLength(1);
    const { id: _a, orderId: _b, ...event } = events[0]!;
    const { id: _c, orderId: _d, ...referenceEvent } = referenceEvents[0]!;
    expect(event).toEqual(referenceEvent);
    expect(event).toMatchObject({
      kind: 'created',
      dedupeKey: null,
      createdAt: now,
      payload: { amount: 50_000, appTime: now.getTime(), expiresAt: input.expiresAt.toISOString() },
    });
  });

  it('writes nothing and returns undefined when the idempotency key is taken', async () => {
    const key = randomUUID();
    const first = await recordNewOrder(database.db, newOrder({ idempotencyKey: key }));
    const second = await recordNewOrder(
      database.db,
      newOrder({ idempotencyKey: key, amount: 70_000 }),
    );

    expect(second).toBeUndefined();
    expect(await ordersWithKey(key)).toEqual([first]);
    expect(await ledgerRowsOf(database.db, first!.id)).toHaveLength(1);
  });

  it('records every order that has no idempotency key', async () => {
    const first = await recordNewOrder(database.db, newOrder({ idempotencyKey: null }));
    const second = await recordNewOrder(database.db, newOrder({ idempotencyKey: null }));

    expect(first).toMatchObject({ idempotencyKey: null });
    expect(second).toMatchObject({ idempotencyKey: null });
    expect(second!.id).not.toBe(first!.id);
    expect(await ledgerRowsOf(database.db, first!.id)).toHaveLength(1);
    expect(await ledgerRowsOf(database.db, second!.id)).toHaveLength(1);
  });

  it('records one order when two requests with one key race', async () => {
    const key = randomUUID();
    const results = await Promise.all([
      recordNewOrder(database.db, newOrder({ idempotencyKey: key })),
      recordNewOrder(database.db, newOrder({ idempotencyKey: key })),
    ]);

    const stored = results.filter((order) => order !== undefined);
    expect(stored).toHaveLength(1);
    expect(await ordersWithKey(key)).toEqual(stored);
    expect(await ledgerRowsOf(database.db, stored[0]!.id)).toHaveLength(1);
  });
});
