// What the operator pages read: orders found by app_trans_id (or its prefix), zp_trans_id or status, and
// everything known about one order (its ledger, its fulfilment row, its refunds).
import { and, asc, desc, eq, like, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import {
  fulfilments,
  paymentEvents,
  paymentOrders,
  refunds,
  type Fulfilment,
  type PaymentEvent,
  type PaymentOrder,
  type Refund,
} from '../../db/schema';
import { PAYMENT_STATUSES, type PaymentStatus } from '../payments/payment-view';

export interface OrderSearch {
  /** An app_trans_id (or its beginning, e.g. a day's `240101_`) or a zp_trans_id. */
  text?: string | undefined;
  status?: PaymentStatus | undefined;
}

export const SEARCH_RESULT_LIMIT = 50;

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value);
}

/** LIKE treats % and _ as wildcards, and _ is part of every app_trans_id: match them literally. */
function literalPrefix(text: string): string {
  return `${text.replaceAll(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export async function searchOrders(db: Database, search: OrderSearch): Promise<PaymentOrder[]> {
  const conditions: SQL[] = [];
  const text = search.text?.trim();
  if (text) {
    const byText = or(
      eq(paymentOrders.zpTransId, text),
      like(paymentOrders.appTransId, literalPrefix(text)),
    );
    if (byText) conditions.push(byText);
  }
  if (search.status) conditions.push(eq(paymentOrders.status, search.status));
  return db
    .select()
    .from(paymentOrders)
    .where(and(...conditions))
    .orderBy(desc(paymentOrders.createdAt))
    .limit(SEARCH_RESULT_LIMIT);
}

export interface OrderRecord {
  order: PaymentOrder;
  events: PaymentEvent[];
  fulfilment: Fulfilment | undefined;
  refunds: Refund[];
}

export async function readOrderRecord(
  db: Database,
  appTransId: string,
): Promise<OrderRecord | undefined> {
  const [order] = await db
    .select()
    .from(paymentOrders)
    .where(eq(paymentOrders.appTransId, appTransId));
  if (!order) return undefined;
  const [events, fulfilmentRows, refundRows] = await Promise.all([
    db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.orderId, order.id))
      .orderBy(asc(paymentEvents.id)),
    db.select().from(fulfilments).where(eq(fulfilments.orderId, order.id)),
    db.select().from(refunds).where(eq(refunds.orderId, order.id)).orderBy(asc(refunds.createdAt)),
  ]);
  return { order, events, fulfilment: fulfilmentRows[0], refunds: refundRows };
}
