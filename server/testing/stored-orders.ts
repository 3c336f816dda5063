// Test support: a payment attempt put straight into the database in any status, for the tests of what
// happens to it next (transitions, callbacks, fulfilment) without going through a create; and the
// attempt, its merchant order, its ledger and its outbox rows read back as stored.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/create-db';
import { eq, sql } from 'drizzle-orm';
import {
  fulfilments,
  paymentEvents,
  paymentAttempts,
  refunds,
  merchantOrders,
  type PaymentAttempt,
  type MerchantOrder,
} from '../../db/schema';
import type { PaymentStatus } from '../payments/status/payment-view';

export interface StoredOrderOptions {
  status?: PaymentStatus;
  amount?: number;
  /** When it was created (and last updated); it expires 15 minutes later and is due for a poll at once. */
  at?: Date;
  /** Makes it the next attempt of this merchant order; by default a one-off order of its own is made. */
  shopOrderId?: string;
}

export async function insertStoredOrder(
  db: Database,
  { status = 'PENDING', amount = 10_000, at = new Date(), shopOrderId }: StoredOrderOptions = {},
): Promise<PaymentAttempt> {
  const [merchantOrder] = shopOrderId
    ? await db
        .update(merchantOrders)
        .set({ attempts: sql`${merchantOrders.attempts} + 1` })
        .where(eq(merchantOrders.id, shopOrderId))
        .returning()
    : [await insertOneOffMerchantOrder(db, { total: amount, at, attempts: 1 })];
  if (!merchantOrder) throw new Error(`No merchant order ${shopOrderId}`);
  const reference = merchantOrder.id;
  const [order] = await db
    .insert(paymentAttempts)
    .values({
      appTransId: `261121_${reference}_${merchantOrder.attempts}`,
      shopOrderId: reference,
      attempt: merchantOrder.attempts,
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

/** A merchant order of one line for `total` VND, awaiting payment, put straight into the database. */
export async function insertOneOffMerchantOrder(
  db: Database,
  {
    total = 10_000,
    at = new Date(),
    attempts = 0,
  }: { total?: number; at?: Date; attempts?: number } = {},
): Promise<MerchantOrder> {
  const [order] = await db
    .insert(merchantOrders)
    .values({
      id: `T${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`,
      lines: [{ sku: null, nameVi: 'test', nameEn: 'test', unitPrice: total, quantity: 1 }],
      total,
      description: 'test',
      attempts,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!order) throw new Error('The test merchant order was not stored');
  return order;
}

/** The order as it is stored now. */
export async function storedOrder(db: Database, id: string): Promise<PaymentAttempt> {
  const [order] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, id));
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

/** The merchant order as it is stored now. */
export async function storedMerchantOrder(db: Database, id: string): Promise<MerchantOrder> {
  const [order] = await db.select().from(merchantOrders).where(eq(merchantOrders.id, id));
  if (!order) throw new Error(`No stored merchant order ${id}`);
  return order;
}

/** The merchant order's fulfilment outbox rows. */
export function merchantOrderOutboxRows(db: Database, shopOrderId: string) {
  return db.select().from(fulfilments).where(eq(fulfilments.shopOrderId, shopOrderId));
}

/** Refunds recorded against one attempt. */
export function refundsOf(db: Database, attemptId: string) {
  return db.select().from(refunds).where(eq(refunds.orderId, attemptId));
}
