// Test support: a payment order put straight into the database in any status, for the tests of what
// happens to an order next (transitions, callbacks, fulfilment) without going through a create; and the
// order, its ledger and its outbox rows read back as stored.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/create-db';
import { eq } from 'drizzle-orm';
import { fulfilments, paymentEvents, paymentOrders, type PaymentOrder } from '../../db/schema';
import type { PaymentStatus } from '../payments/payment-view';

export interface StoredOrderOptions {
  status?: PaymentStatus;
  amount?: number;
  /** When it was created (and last updated); it expires 15 minutes later and is due for a poll at once. */
  at?: Date;
}

export async function insertStoredOrder(
  db: Database,
  { status = 'PENDING', amount = 10_000, at = new Date() }: StoredOrderOptions = {},
): Promise<PaymentOrder> {
  const [order] = await db
    .insert(paymentOrders)
    .values({
      appTransId: `261121_${randomUUID()}`,
      appId: 2553,
      appUser: 'demo',
      amount,
      description: 'test',
      item: '[]',
      embedData: '{}',
      appTime: at.getTime(),
      status,
      expiresAt: new Date(at.getTime() + 900_000),
      nextPollAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!order) throw new Error('The test order was not stored');
  return order;
}

/** The order as it is stored now. */
export async function storedOrder(db: Database, id: string): Promise<PaymentOrder> {
  const [order] = await db.select().from(paymentOrders).where(eq(paymentOrders.id, id));
  if (!order) throw new Error(`No stored order ${id}`);
  return order;
}

/** The order's ledger rows. */
export function ledgerRowsOf(db: Database, orderId: string) {
  return db.select().from(paymentEvents).where(eq(paymentEvents.orderId, orderId));
}

/** The order's fulfilment outbox rows. */
export function outboxRowsOf(db: Database, orderId: string) {
  return db.select().from(fulfilments).where(eq(fulfilments.orderId, orderId));
}
