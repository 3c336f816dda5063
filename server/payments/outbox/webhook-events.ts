// The merchant's webhook events (docs/webhooks.md), written to the outbox `webhook_events` in the same
// transaction as the change that caused them, so none is lost when the process dies. Each row's payload
// is the exact JSON body every delivery attempt sends: `{"id", "type", "created", "data"}`.
import { randomUUID } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/create-db';
import { merchantOrders, webhookEvents } from '../../../db/schema';

export const WEBHOOK_EVENT_TYPES = [
  'order.paid',
  'order.refunded',
  'order.payment_flagged',
  'order.cancelled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** `evt_` and a random UUID's 32 hex digits: unique across instances without asking the database. */
export function newWebhookEventId(): string {
  return `evt_${randomUUID().replaceAll('-', '')}`;
}

/** The same, made by PostgreSQL inside a statement (only for the rows it writes). */
export const newWebhookEventIdSql = sql`'evt_' || replace(gen_random_uuid()::text, '-', '')`;

/** A timestamptz as JavaScript's toISOString() writes it, in SQL. */
export function isoTimeSql(at: SQL): SQL {
  return sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A merchant order's stored lines (db/schema.ts MerchantOrderLine) as the webhook writes them, in SQL. */
export function wireLinesSql(lines: SQL): SQL {
  return sql`(select coalesce(jsonb_agg(jsonb_build_object(
      'sku', l->'sku', 'name_vi', l->'nameVi', 'name_en', l->'nameEn',
      'unit_price', l->'unitPrice', 'quantity', l->'quantity',
      'line_total', (l->>'unitPrice')::bigint * (l->>'quantity')::bigint) order by n), '[]'::jsonb)
    from jsonb_array_elements(${lines}) with ordinality as line(l, n))`;
}

/** The event envelope around `data` (a jsonb SQL expression), in SQL. */
export function eventPayloadSql(id: SQL, type: WebhookEventType, now: SQL, data: SQL): SQL {
  return sql`jsonb_build_object('id', ${id}, 'type', ${type}::text,
    'created', extract(epoch from ${now})::bigint, 'data', ${data})`;
}

export interface NewWebhookEvent {
  shopOrderId: string;
  type: WebhookEventType;
  /** snake_case, like the rest of the webhook body; never a key, MAC or token. */
  data: Record<string, unknown>;
  now: Date;
}

/**
 * Writes one event in the caller's transaction; returns its id. Its data carries the order's
 * merchant_reference and metadata (set by the merchant API; null for the shop's own carts).
 */
export async function recordWebhookEvent(
  tx: Database | Transaction,
  event: NewWebhookEvent,
): Promise<string> {
  const id = newWebhookEventId();
  const [merchant] = await tx
    .select({ reference: merchantOrders.merchantReference, metadata: merchantOrders.metadata })
    .from(merchantOrders)
    .where(eq(merchantOrders.id, event.shopOrderId));
  await tx.insert(webhookEvents).values({
    id,
    shopOrderId: event.shopOrderId,
    type: event.type,
    payload: {
      id,
      type: event.type,
      created: Math.floor(event.now.getTime() / 1000),
      data: {
        ...event.data,
        merchant_reference: merchant?.reference ?? null,
        metadata: merchant?.metadata ?? null,
      },
    },
    nextAttemptAt: event.now,
    createdAt: event.now,
  });
  return id;
}
