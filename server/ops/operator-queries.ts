// What the operator pages read: merchant orders found by their reference, an attempt's app_trans_id (or
// its prefix), a zp_trans_id or the order's status, with their attempts; and everything known about one
// merchant order (its attempts, their ledgers, its fulfilment row, the refunds of every attempt, its
// webhook events and their delivery attempts), by its reference or by one of its attempts.
import { and, asc, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { MERCHANT_ORDER_STATUSES, type MerchantOrderStatus } from '../payments/status/order-view';
import {
  fulfilments,
  paymentEvents,
  paymentAttempts,
  refunds,
  merchantOrders,
  webhookDeliveries,
  webhookEvents,
  type Fulfilment,
  type PaymentEvent,
  type PaymentAttempt,
  type Refund,
  type MerchantOrder,
  type WebhookDelivery,
  type WebhookEvent,
} from '../../db/schema';

export interface OrderSearch {
  /** An app_trans_id (or its beginning, e.g. a day's `240101_`) or a zp_trans_id. */
  text?: string | undefined;
  /** The merchant order's status (what the list shows), not an attempt's. */
  status?: MerchantOrderStatus | undefined;
}

export { MERCHANT_ORDER_STATUSES, type MerchantOrderStatus };

export const SEARCH_RESULT_LIMIT = 50;

export function isMerchantOrderStatus(value: unknown): value is MerchantOrderStatus {
  return (
    typeof value === 'string' && (MERCHANT_ORDER_STATUSES as readonly string[]).includes(value)
  );
}

/** LIKE treats % and _ as wildcards, and _ is part of every app_trans_id: match them literally. */
function literalPrefix(text: string): string {
  return `${text.replaceAll(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export interface MerchantOrderRow {
  order: MerchantOrder;
  /** Oldest first. */
  attempts: PaymentAttempt[];
}

/** Merchant orders with an attempt matching the search (or whose reference starts with the text), newest first. */
export async function searchOrders(db: Database, search: OrderSearch): Promise<MerchantOrderRow[]> {
  const conditions: SQL[] = [];
  const text = search.text?.trim();
  if (text) {
    const byText = or(
      eq(paymentAttempts.zpTransId, text),
      like(paymentAttempts.appTransId, literalPrefix(text)),
      like(paymentAttempts.shopOrderId, literalPrefix(text)),
    );
    if (byText) conditions.push(byText);
  }
  // Orders with at least one attempt (every order the shop sent to pay), matching the text if any.
  const matching = db
    .selectDistinct({ id: paymentAttempts.shopOrderId })
    .from(paymentAttempts)
    .where(and(...conditions));
  const orders = await db
    .select()
    .from(merchantOrders)
    .where(
      and(
        inArray(merchantOrders.id, matching),
        search.status ? eq(merchantOrders.status, search.status) : undefined,
      ),
    )
    .orderBy(desc(merchantOrders.createdAt))
    .limit(SEARCH_RESULT_LIMIT);
  if (orders.length === 0) return [];
  const attempts = await db
    .select()
    .from(paymentAttempts)
    .where(
      inArray(
        paymentAttempts.shopOrderId,
        orders.map((order) => order.id),
      ),
    )
    .orderBy(asc(paymentAttempts.attempt));
  return orders.map((order) => ({
    order,
    attempts: attempts.filter((attempt) => attempt.shopOrderId === order.id),
  }));
}

/** Everything known about one merchant order: its attempts, their ledgers, refunds and its webhooks. */
export interface MerchantOrderPageRecord {
  merchantOrder: MerchantOrder;
  /** Every attempt of the merchant order, oldest first. */
  attempts: PaymentAttempt[];
  /** The ledger rows of every attempt, in ledger order. */
  events: PaymentEvent[];
  /** The merchant order's one fulfilment row, once paid. */
  fulfilment: Fulfilment | undefined;
  /** The refunds of every attempt: the operator's and the automatic refunds of second payments. */
  refunds: Refund[];
  /** The merchant order's webhook events, oldest first, each with its delivery attempts. */
  webhooks: Array<{ event: WebhookEvent; deliveries: WebhookDelivery[] }>;
}

export interface OrderRecord extends MerchantOrderPageRecord {
  /** The attempt the page is about (one of `attempts`). */
  order: PaymentAttempt;
}

/** One payment attempt's page: the attempt and everything known about its merchant order. */
export async function readOrderRecord(
  db: Database,
  appTransId: string,
): Promise<OrderRecord | undefined> {
  const [order] = await db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.appTransId, appTransId));
  if (!order) return undefined;
  const record = await readMerchantOrderPage(db, order.shopOrderId);
  return record && { ...record, order };
}

/** The merchant order page: the order by its reference, with every attempt and what happened to them. */
export async function readMerchantOrderPage(
  db: Database,
  shopOrderId: string,
): Promise<MerchantOrderPageRecord | undefined> {
  const [[merchantOrder], attempts] = await Promise.all([
    db.select().from(merchantOrders).where(eq(merchantOrders.id, shopOrderId)),
    db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.shopOrderId, shopOrderId))
      .orderBy(asc(paymentAttempts.attempt)),
  ]);
  if (!merchantOrder) return undefined;
  const attemptIds = attempts.map((attempt) => attempt.id);
  const [events, fulfilmentRows, refundRows, webhookRows, deliveryRows] = await Promise.all([
    db
      .select()
      .from(paymentEvents)
      .where(inArray(paymentEvents.orderId, attemptIds))
      .orderBy(asc(paymentEvents.id)),
    db.select().from(fulfilments).where(eq(fulfilments.shopOrderId, merchantOrder.id)),
    db
      .select()
      .from(refunds)
      .where(inArray(refunds.orderId, attemptIds))
      .orderBy(asc(refunds.createdAt)),
    db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.shopOrderId, merchantOrder.id))
      .orderBy(asc(webhookEvents.seq)),
    db
      .select({ delivery: webhookDeliveries })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(eq(webhookEvents.shopOrderId, merchantOrder.id))
      .orderBy(asc(webhookDeliveries.id)),
  ]);
  const webhooks = webhookRows.map((event) => ({
    event,
    deliveries: deliveryRows.map((row) => row.delivery).filter((d) => d.eventId === event.id),
  }));
  return {
    merchantOrder,
    attempts,
    events,
    fulfilment: fulfilmentRows[0],
    refunds: refundRows,
    webhooks,
  };
}
