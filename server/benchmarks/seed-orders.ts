// Puts the benchmark's orders (each attempt 1 of its own merchant order) straight into merchant_orders and
// payment_attempts with one INSERT ... SELECT generate_series per batch: far faster than the API, and the
// measured window then holds only the work being measured.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { vietnamYymmdd } from '../zalopay';

export const BENCH_APP_ID = 2553;
export const BENCH_AMOUNT = 50_000;
export const BENCH_APP_USER = 'bench-shopper';
export const BENCH_EMBED_DATA = '{"redirecturl":"http://localhost/order/confirmation"}';

/** Fixed for the whole run, so orders seeded before midnight in Vietnam keep their ids after it. */
const RUN_DAY = vietnamYymmdd(Date.now());

/** `yymmdd_<tag><n>`: a valid app_trans_id (at most 40 characters) whose number says which seeded order it is. */
export function benchAppTransId(tag: string, n: number): string {
  return `${RUN_DAY}_${tag}${n}`;
}

export interface OrderBatch {
  /** Short letters naming the batch; orders are `<yymmdd>_<tag><1..count>`. */
  tag: string;
  count: number;
  status: 'PENDING' | 'PAID';
  /** next_poll_at relative to now: far ahead keeps the app's poller away; negative makes orders due. */
  nextPollInSeconds: number;
}

export async function seedOrders(db: Database, batch: OrderBatch): Promise<void> {
  const prefix = `${RUN_DAY}_${batch.tag}`;
  const paid = batch.status === 'PAID';
  // Each payment is attempt 1 of a one-off merchant order whose reference is its app_trans_id (as
  // migration 0002 made of older payments); a PAID one has claimed its order, like a real payment.
  await db.execute(sql`
    with seeds as (
      select n, ${prefix}::text || n::text as ref, gen_random_uuid() as attempt_id
      from generate_series(1, ${batch.count}::int) as n
    ), merchant as (
      insert into merchant_orders (id, lines, total, description, status, attempts, paid_attempt_id,
        paid_at, created_at, updated_at)
      select ref, '[]'::jsonb, ${BENCH_AMOUNT}::bigint, 'Benchmark order ' || n::text,
        case when ${paid}::boolean then 'PAID' else 'AWAITING_PAYMENT' end::merchant_order_status, 1,
        case when ${paid}::boolean then attempt_id end, case when ${paid}::boolean then now() end,
        now(), now()
      from seeds
    )
    insert into payment_attempts (id, app_trans_id, merchant_order_id, attempt, app_id, app_user, amount,
      description, item, embed_data, app_time, status, zp_trans_id, paid_at, paid_via, expires_at,
      next_poll_at, created_at, updated_at)
    select attempt_id, ref, ref, 1, ${BENCH_APP_ID}::int, ${BENCH_APP_USER}::text, ${BENCH_AMOUNT}::bigint,
      'Benchmark order ' || n::text, '[]', ${BENCH_EMBED_DATA}::text,
      (extract(epoch from now()) * 1000)::bigint, ${batch.status}::payment_status,
      case when ${paid}::boolean then ${prefix}::text || 'zp' || n::text end,
      case when ${paid}::boolean then now() end,
      case when ${paid}::boolean then 'callback'::paid_via end,
      now() + interval '15 minutes', now() + make_interval(secs => ${batch.nextPollInSeconds}::float8),
      now(), now()
    from seeds`);
}

/**
 * Closed orders from the past (a third each PAID, FAILED, EXPIRED, created over the last year): the
 * history the poller's claim must ignore however large it grows.
 */
export async function seedHistory(db: Database, count: number): Promise<void> {
  await db.execute(sql`
    with seeds as (
      select n, 'hist_' || n::text as ref, gen_random_uuid() as attempt_id,
        (array['PAID', 'FAILED', 'EXPIRED'])[1 + n % 3] as status,
        now() - interval '365 days' + make_interval(secs => n * (31536000.0 / ${count}::int)) as t
      from generate_series(1, ${count}::int) as n
    ), merchant as (
      insert into merchant_orders (id, lines, total, description, status, attempts, paid_attempt_id,
        paid_at, created_at, updated_at)
      select ref, '[]'::jsonb, ${BENCH_AMOUNT}::bigint, 'Historical order ' || n::text,
        case when status = 'PAID' then 'PAID' else 'AWAITING_PAYMENT' end::merchant_order_status, 1,
        case when status = 'PAID' then attempt_id end,
        case when status = 'PAID' then t + interval '1 minute' end, t, t
      from seeds
    )
    insert into payment_attempts (id, app_trans_id, merchant_order_id, attempt, app_id, app_user, amount,
      description, item, embed_data, app_time, status, zp_trans_id, paid_at, paid_via, expires_at,
      next_poll_at, poll_attempts, created_at, updated_at)
    select attempt_id, ref, ref, 1, ${BENCH_APP_ID}::int, ${BENCH_APP_USER}::text, ${BENCH_AMOUNT}::bigint,
      'Historical order ' || n::text, '[]', ${BENCH_EMBED_DATA}::text,
      (extract(epoch from t) * 1000)::bigint, status::payment_status,
      case when status = 'PAID' then 'hist_zp_' || n::text end,
      case when status = 'PAID' then t + interval '1 minute' end,
      case when status = 'PAID' then 'callback'::paid_via end,
      t + interval '15 minutes', t + interval '16 minutes', 1 + n % 15, t, t
    from seeds`);
}
