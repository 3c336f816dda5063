// The checkout's tables (docs/design.md §4): the catalogue, merchant orders and their payment attempts (ZaloPay
// orders), the append-only payment ledger, the fulfilment outbox, refunds. Money is integer VND, times are
// timestamptz, and the signed strings are stored exactly as signed.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  primaryKey,
  type AnyPgColumn,
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
export const refundKind = pgEnum('refund_kind', ['operator', 'extra_payment']);
export const webhookEventStatus = pgEnum('webhook_event_status', [
  'PENDING',
  'DELIVERED',
  'FAILED',
]);
export const merchantOrderStatus = pgEnum('merchant_order_status', [
  'AWAITING_PAYMENT',
  'PAID',
  'FULFILLED',
  'CANCELLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
]);

/**
 * What a row of the order ledger (payment_events.kind) records. Payment inputs (server/payments): the
 * attempt stored, ZaloPay's answer to create, a callback, a query answer, the shopper's redirect. Refund
 * steps (server/refunds): requested, sent (or no usable answer), queried. Stored as text, so a kind added
 * here needs no migration.
 */
export const LEDGER_KINDS = [
  'created',
  'gateway_created',
  'gateway_duplicate',
  'gateway_rejected',
  'gateway_unknown',
  'callback',
  'query',
  'query_unknown',
  'redirect_seen',
  'refund_requested',
  'refund_sent',
  'refund_send_unknown',
  'refund_query',
  'cancel',
  'order_cancelled',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** PostgreSQL's 64-bit transaction id, read as a decimal string (it may pass 2^53). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * The highest unit price the database accepts: ORDER_MAX_AMOUNT's own ceiling (server/env/). The
 * catalogue service holds prices to the configured ORDER_MAX_AMOUNT; this CHECK holds every writer.
 */
export const PRODUCT_PRICE_CEILING = 50_000_000;

/**
 * What the shop sells (server/catalogue/). Prices are whole VND above zero, held by a CHECK; an inactive
 * (retired) product can no longer be ordered. The list is ordered by position, then sku.
 */
export const products = pgTable(
  'products',
  {
    sku: text('sku').primaryKey(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    active: boolean('active').notNull().default(true),
    descriptionVi: text('description_vi'),
    descriptionEn: text('description_en'),
    position: integer('position').notNull().default(0),
    /** An uploaded image (catalogue_images.id), or none. */
    imageId: text('image_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'products_unit_price_range',
      sql`${t.unitPrice} > 0 and ${t.unitPrice} <= ${sql.raw(String(PRODUCT_PRICE_CEILING))}`,
    ),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Images an operator uploaded (product images, the logo, the favicon): checked by content, stored here so
 * every instance serves the same bytes. The id is the SHA-256 of the bytes, so a URL names one content
 * forever and can be cached as immutable.
 */
export const catalogueImages = pgTable('catalogue_images', {
  id: text('id').primaryKey(),
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: createdAt(),
});

/**
 * The shop's profile and brand, one row (id 1). `version` goes up with every change of the profile or
 * the catalogue, so each instance notices a change with one tiny read (server/catalogue/storefront-cache.ts).
 */
export const shopProfile = pgTable(
  'shop_profile',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    taglineVi: text('tagline_vi').notNull(),
    taglineEn: text('tagline_en').notNull(),
    supportPhone: text('support_phone'),
    supportEmail: text('support_email'),
    /** ZaloPay's `description` for an order; `{ref}` stands for the order's reference. */
    orderDescription: text('order_description').notNull(),
    brandColor: text('brand_color').notNull(),
    logoImageId: text('logo_image_id'),
    faviconImageId: text('favicon_image_id'),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [check('shop_profile_one_row', sql`${t.id} = 1`)],
);

/** Every change to the catalogue or the shop profile: who (operator session, cli, api), when, before, after. */
export const catalogueChanges = pgTable(
  'catalogue_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actor: text('actor').notNull(),
    /** `product:<sku>` or `shop`. */
    subject: text('subject').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  (t) => [index('catalogue_changes_subject_idx').on(t.subject, t.id)],
);

export type CatalogueImage = typeof catalogueImages.$inferSelect;
export type ShopProfileRow = typeof shopProfile.$inferSelect;
export type CatalogueChange = typeof catalogueChanges.$inferSelect;

/** One line of a merchant order as bought: names and price are copied, so a later change rewrites nothing. */
export interface MerchantOrderLine {
  sku: string | null;
  nameVi: string;
  nameEn: string;
  unitPrice: number;
  quantity: number;
}

/** Who cancelled a merchant order: an operator on /ops, the merchant's API, or the abandoned-order round. */
export const MERCHANT_ORDER_CANCELLERS = ['operator', 'merchant_api', 'abandoned'] as const;
export type MerchantOrderCanceller = (typeof MERCHANT_ORDER_CANCELLERS)[number];

/**
 * Merchant orders: what the shopper bought, priced by the server. `id` is the short public reference
 * that URLs and app_trans_id carry. Each row of payment_attempts is one payment attempt of an order.
 */
export const merchantOrders = pgTable(
  'merchant_orders',
  {
    id: text('id').primaryKey(),
    lines: jsonb('lines').$type<MerchantOrderLine[]>().notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    /** Sent to ZaloPay as each attempt's description. */
    description: text('description').notNull(),
    status: merchantOrderStatus('status').notNull().default('AWAITING_PAYMENT'),
    /** How many attempts were made; the next one is attempts + 1 (taken under the order's row lock). */
    attempts: integer('attempts').notNull().default(0),
    /** The attempt whose payment the order was fulfilled from; a later payment is refunded. */
    paidAttemptId: uuid('paid_attempt_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    /** Set with status CANCELLED: when, and who withdrew it (see MERCHANT_ORDER_CANCELLERS). */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by').$type<MerchantOrderCanceller>(),
    /** The abandoned-order round's lease: one instance at a time cancels an abandoned order. */
    closeLeaseUntil: timestamp('close_lease_until', { withTimezone: true }),
    /** The merchant API key that made the order (POST /api/v1/orders); null for the shop's own carts. */
    apiKeyId: uuid('api_key_id').references((): AnyPgColumn => merchantApiKeys.id),
    /** The merchant's own order number (`WC-10023`), echoed in answers and webhooks. */
    merchantReference: text('merchant_reference'),
    /** The merchant's own key/value notes, echoed in answers and webhooks. */
    metadata: jsonb('metadata').$type<Record<string, string>>(),
    /** Where the receipt's "Return to <shop>" goes (an origin of MERCHANT_RETURN_ORIGINS). */
    returnUrl: text('return_url'),
    /** Where "Cancel and return" goes while the order is unpaid. */
    cancelUrl: text('cancel_url'),
    /** After this no new payment attempt starts; null: the order never expires (the shop's own carts). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('merchant_orders_created_at_idx').on(t.createdAt),
    index('merchant_orders_awaiting_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'AWAITING_PAYMENT'`),
    index('merchant_orders_merchant_reference_idx')
      .on(t.merchantReference, t.createdAt)
      .where(sql`${t.merchantReference} is not null`),
    check(
      'merchant_orders_merchant_reference_length',
      sql`char_length(${t.merchantReference}) between 1 and 64`,
    ),
  ],
);

export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appTransId: text('app_trans_id').notNull().unique(),
    shopOrderId: text('merchant_order_id')
      .notNull()
      .references(() => merchantOrders.id),
    /** 1, 2, …: app_trans_id is `yymmdd_<merchant order id>_<attempt>`. */
    attempt: integer('attempt').notNull(),
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
    /** The callback's `channel` (38 wallet, 36/39/41 cards, 37 bank account); null when paid by query. */
    paidChannel: integer('paid_channel'),
    lateFlag: boolean('late').notNull().default(false),
    amountMismatchFlag: boolean('amount_mismatch').notNull().default(false),
    /**
     * An attempt closed without a payment (FAILED, EXPIRED) is queried again a few times within ZaloPay's
     * 48-hour query window, in case a payment's callback was lost: how many, and when the next one is due.
     */
    lateChecks: integer('late_checks').notNull().default(0),
    nextLateCheckAt: timestamp('next_late_check_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payment_attempts_due_pending_idx')
      .on(t.nextPollAt)
      .where(sql`${t.status} = 'PENDING'`),
    index('payment_attempts_created_at_idx').on(t.createdAt),
    index('payment_attempts_due_late_check_idx')
      .on(t.nextLateCheckAt)
      .where(sql`${t.nextLateCheckAt} is not null`),
    uniqueIndex('payment_attempts_merchant_order_attempt_idx').on(t.shopOrderId, t.attempt),
  ],
);

export const paymentEvents = pgTable(
  'payment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentAttempts.id),
    kind: text('kind').$type<LedgerKind>().notNull(),
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
    /** The paid attempt the order was fulfilled from. */
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentAttempts.id),
    /** One fulfilment per merchant order, whatever the number of attempts or callbacks. */
    shopOrderId: text('merchant_order_id')
      .notNull()
      .unique()
      .references(() => merchantOrders.id),
    /** The merchant order's reference: unique through merchant_order_id, so it needs no index of its own. */
    idempotencyKey: text('idempotency_key').notNull(),
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
      .references(() => paymentAttempts.id),
    mRefundId: text('m_refund_id').notNull().unique(),
    /** An operator's refund, or the automatic refund of an extra payment (a second one, or one of a cancelled order). */
    kind: refundKind('kind').notNull().default('operator'),
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

export type Product = typeof products.$inferSelect;
export type MerchantOrder = typeof merchantOrders.$inferSelect;
export type PaymentAttempt = typeof paymentAttempts.$inferSelect;
export type PaymentEvent = typeof paymentEvents.$inferSelect;
export type Fulfilment = typeof fulfilments.$inferSelect;
export type Refund = typeof refunds.$inferSelect;

/**
 * Operator sign-ins (server/ops/session-store.ts). The browser's cookie is a random secret; only its
 * HMAC under ADMIN_TOKEN is stored, so a database reader cannot sign in and a new ADMIN_TOKEN ends them
 * all. Signing out (or revoking from /ops/sessions) sets revoked_at: the cookie stops working at once.
 */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    secretHash: text('secret_hash').notNull().unique(),
    remoteAddress: text('remote_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('operator_sessions_expires_at_idx').on(t.expiresAt)],
);

export type OperatorSession = typeof operatorSessions.$inferSelect;

/**
 * The merchant's webhook outbox (server/webhooks): each event is written in the transaction of the change
 * that caused it, and delivered at least once, in `seq` order per merchant order. `payload` is the exact
 * JSON body, so every attempt sends the same bytes with the same `id`.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    shopOrderId: text('merchant_order_id')
      .notNull()
      .references(() => merchantOrders.id),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    status: webhookEventStatus('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
    /** The writing transaction's id: GET /api/v1/events lists only events every reader will see. */
    txid: xid8('txid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('webhook_events_feed_idx').on(t.txid, t.seq),
    index('webhook_events_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'PENDING'`),
    index('webhook_events_order_idx').on(t.shopOrderId, t.seq),
  ],
);

/** Every delivery attempt of a webhook event: when, the HTTP status (null: no answer), how long, why not. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => webhookEvents.id),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
  },
  (t) => [index('webhook_deliveries_event_idx').on(t.eventId, t.id)],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/**
 * Merchant API keys (server/merchant-api): only the SHA-256 of the key is stored, with its last four
 * characters so an operator can tell keys apart. A revoked key stays listed; it never authenticates again.
 */
export const merchantApiKeys = pgTable(
  'merchant_api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    lastFour: text('last_four').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    check('merchant_api_keys_name_length', sql`char_length(${t.name}) between 1 and 100`),
    check('merchant_api_keys_hash_shape', sql`${t.keyHash} ~ '^[0-9a-f]{64}$'`),
    check('merchant_api_keys_last_four_length', sql`char_length(${t.lastFour}) = 4`),
  ],
);

export type MerchantApiKey = typeof merchantApiKeys.$inferSelect;

/**
 * The first answer of each merchant API POST sent with an `Idempotency-Key` (server/merchant-api/
 * idempotency.ts), per API key, for 24 hours: a repeat with the same body gets it again, another body a
 * 409. A row without an answer is a request in progress; `locked_until` lets another take over after a crash.
 */
export const merchantIdempotencyKeys = pgTable(
  'merchant_idempotency_keys',
  {
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => merchantApiKeys.id),
    key: text('key').notNull(),
    /** SHA-256 of the method, the path and the body's canonical JSON. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: jsonb('response_body'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.apiKeyId, t.key] }),
    index('merchant_idempotency_keys_created_at_idx').on(t.createdAt),
    check('merchant_idempotency_keys_key_length', sql`char_length(${t.key}) between 1 and 255`),
    check(
      'merchant_idempotency_keys_status_code',
      sql`${t.statusCode} is null or ${t.statusCode} between 200 and 499`,
    ),
  ],
);

export type MerchantIdempotencyKey = typeof merchantIdempotencyKeys.$inferSelect;
