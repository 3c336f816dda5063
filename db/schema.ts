// The checkout's tables (design.md §4): orders, the append-only payment ledger, the fulfilment outbox, refunds.
// Money is integer VND, times are timestamptz, and the signed strings are stored exactly as signed.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const paymentStatus = pgEnum('payment_status', ['PENDING', 'PAID', 'FAILED', 'EXPIRED']);
export const paidVia = pgEnum('paid_via', ['callback', 'query']);
export const fulfilmentStatus = pgEnum('fulfilment_status', ['PENDING', 'DONE']);
export const refundState = pgEnum('refund_state', ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const paymentOrders = pgTable(
  'payment_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appTransId: text('app_trans_id').notNull().unique(),
    appId: integer('app_id').notNull(),
    appUser: text('app_user').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    item: text('item').notNull(),
    embedData: text('embed_data').notNull(),
    appTime: bigint('app_time', { mode: 'number' }).notNull(),
    idempotencyKey: text('idempotency_key').unique(),
    status: paymentStatus('status').notNull().default('PENDING'),
    zpTransId: text('zp_trans_id').unique(),
    orderUrl: text('order_url'),
    zpTransToken: text('zp_trans_token'),
    qrCode: text('qr_code'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    nextPollAt: timestamp('next_poll_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leaseOwner: text('lease_owner'),
    pollAttempts: integer('poll_attempts').notNull().default(0),
    failureReason: text('failure_reason'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidVia: paidVia('paid_via'),
    lateFlag: boolean('late').notNull().default(false),
    amountMismatchFlag: boolean('amount_mismatch').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payment_orders_due_pending_idx')
      .on(t.nextPollAt)
      .where(sql`${t.status} = 'PENDING'`),
    index('payment_orders_created_at_idx').on(t.createdAt),
  ],
);

export const paymentEvents = pgTable(
  'payment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentOrders.id),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key'),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payment_events_dedupe_key_idx').on(t.dedupeKey),
    index('payment_events_order_id_idx').on(t.orderId, t.id),
  ],
);

export const fulfilments = pgTable(
  'fulfilments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .unique()
      .references(() => paymentOrders.id),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: fulfilmentStatus('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('fulfilments_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'PENDING'`),
  ],
);

/** Refunds of paid orders (server/refunds): one row per m_refund_id, settled by polling query_refund. */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentOrders.id),
    mRefundId: text('m_refund_id').notNull().unique(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    state: refundState('state').notNull().default('PENDING'),
    zpRefundId: text('zp_refund_id'),
    /** The signed `timestamp` sent with the refund: a resend must carry the same one. */
    requestedAtMs: bigint('requested_at_ms', { mode: 'number' }).notNull(),
    failureReason: text('failure_reason'),
    checks: integer('checks').notNull().default(0),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('refunds_order_id_idx').on(t.orderId),
    index('refunds_due_idx')
      .on(t.nextCheckAt)
      .where(sql`${t.state} in ('PENDING', 'PROCESSING')`),
  ],
);

export type PaymentOrder = typeof paymentOrders.$inferSelect;
export type NewPaymentOrder = typeof paymentOrders.$inferInsert;
export type PaymentEvent = typeof paymentEvents.$inferSelect;
export type Fulfilment = typeof fulfilments.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
