// The durable baseline's outbox table (server/benchmarks/durable-baseline-server.ts), created by the
// benchmark in its own database: the columns and indexes of the checkout's fulfilments table, so that
// an outbox row costs the baseline what it costs the checkout, but a table of its own, so that the
// checkout's fulfilment worker (running on the same database) never delivers the baseline's rows.

export const DURABLE_OUTBOX_TABLE = 'bench_durable_outbox';

/** The channel of the baseline's NOTIFY: not the checkout's, whose listener would hear every one. */
export const DURABLE_NOTIFY_CHANNEL = 'bench_durable_status';

/** Run once, after the migrations (they create payment_attempts, merchant_orders and fulfilment_status). */
export const DURABLE_OUTBOX_DDL = [
  `create table if not exists ${DURABLE_OUTBOX_TABLE} (
    id bigserial primary key,
    order_id uuid not null references payment_attempts (id),
    merchant_order_id text not null unique references merchant_orders (id),
    idempotency_key text not null,
    status fulfilment_status not null default 'PENDING',
    attempts integer not null default 0,
    last_error text,
    next_attempt_at timestamptz not null default now(),
    lease_until timestamptz,
    done_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create index if not exists ${DURABLE_OUTBOX_TABLE}_due_idx
    on ${DURABLE_OUTBOX_TABLE} (next_attempt_at) where status = 'PENDING'`,
];
