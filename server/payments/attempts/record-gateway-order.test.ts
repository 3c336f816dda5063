// The one-statement record of ZaloPay's "created" answer must write what the former update-and-insert
// transaction wrote: the links on the order and one 'gateway_created' ledger row.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/create-db';
import { paymentEvents, paymentAttempts, type PaymentAttempt } from '../../../db/schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../../testing/test-database';
import { insertStoredOrder, ledgerRowsOf, storedOrder } from '../../testing/stored-orders';
import type { PaymentStatus } from '../status/payment-view';
import { recordGatewayOrder, type GatewayOrder } from './record-gateway-order';

/** The writes as they were made before the single statement: one transaction, an update and an insert. */
function recordWithTransaction(db: Database, answer: GatewayOrder): Promise<PaymentAttempt> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(paymentAttempts)
      .set({
        orderUrl: answer.orderUrl,
        zpTransToken: answer.zpTransToken,
        qrCode: answer.qrCode,
        updatedAt: answer.now,
      })
      .where(eq(paymentAttempts.id, answer.orderId))
      .returning();
    await tx.insert(paymentEvents).values({
      orderId: answer.orderId,
      kind: 'gateway_created',
      payload: {
        orderUrl: answer.orderUrl,
        zpTransToken: answer.zpTransToken,
        hasQrCode: answer.qrCode !== null,
      },
      createdAt: answer.now,
    });
    return updated!;
  });
}

describe.each(testDatabaseDrivers())(
  'recording the answer of ZaloPay in one statement on %s',
  (driver) => {
    let database: TestDatabase;
    const now = new Date('2026-11-21T08:00:01.456Z');
    beforeAll(async () => {
      database = await createTestDatabase(driver);
    });
    afterAll(() => database.dispose());

    const orderIn = (status: PaymentStatus) =>
      insertStoredOrder(database.db, {
        status,
        amount: 50_000,
        at: new Date('2026-11-21T08:00:00.000Z'),
      });

    function answerFor(order: PaymentAttempt, qrCode: string | null = null): GatewayOrder {
      const token = `AC${order.id.slice(0, 8)}`;
      return {
        orderId: order.id,
        orderUrl: `https://qcgateway.zalopay.vn/openinapp?order=${token}`,
        zpTransToken: token,
        qrCode,
        now,
      };
    }

    it.each([
      { name: 'without a QR code', qrCode: null },
      { name: 'with a QR code', qrCode: '00020101021226520010vn.zalopay' },
    ])(
      'writes what the transaction wrote $name, and returns the stored order',
      async ({ qrCode }) => {
        const reference = await orderIn('PENDING');
        const order = await orderIn('PENDING');
        const viaTransaction = await recordWithTransaction(
          database.db,
          answerFor(reference, qrCode),
        );
        const answer = answerFor(order, qrCode);
        const viaStatement = await recordGatewayOrder(database.db, answer);

        expect(viaStatement).toEqual(await storedOrder(database.db, order.id));
        const differing = ['id', 'appTransId', 'shopOrderId', 'orderUrl', 'zpTransToken'] as const;
        const strip = (stored: PaymentAttempt) => {
          const copy: Partial<PaymentAttempt> = { ...stored };
          for (const key of differing) delete copy[key];
          return copy;
        };
        expect(strip(viaStatement!)).toEqual(strip(viaTransaction));
        expect(viaStatement).toMatchObject({
          status: 'PENDING',
          orderUrl: answer.orderUrl,
          zpTransToken: answer.zpTransToken,
          qrCode,
          updatedAt: now,
        });

        const [referenceEvent] = await ledgerRowsOf(database.db, reference.id);
        const events = await ledgerRowsOf(database.db, order.id);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          kind: referenceEvent!.kind,
          dedupeKey: referenceEvent!.dedupeKey,
          createdAt: referenceEvent!.createdAt,
          payload: {
            orderUrl: answer.orderUrl,
            zpTransToken: answer.zpTransToken,
            hasQrCode: qrCode !== null,
          },
        });
        expect(Object.keys(events[0]!.payload as object).sort()).toEqual(
          Object.keys(referenceEvent!.payload as object).sort(),
        );
      },
    );

    it('stores the links without touching the status of an order a callback already paid', async () => {
      const order = await orderIn('PAID');
      const stored = await recordGatewayOrder(database.db, answerFor(order));
      expect(stored).toMatchObject({ status: 'PAID', orderUrl: answerFor(order).orderUrl });
      expect(await ledgerRowsOf(database.db, order.id)).toHaveLength(1);
    });

    it('writes nothing for an unknown order', async () => {
      const orderId = randomUUID();
      const stored = await recordGatewayOrder(database.db, {
        ...answerFor(await orderIn('PENDING')),
        orderId,
      });
      expect(stored).toBeUndefined();
      expect(await ledgerRowsOf(database.db, orderId)).toHaveLength(0);
    });
  },
);
