// Case 4: the poller's claim with a long history. Claim p99 over 10,000 due PENDING orders, before and
// after adding closed historical orders (it must not grow with history: the partial index on
// next_poll_at WHERE status = 'PENDING' is what keeps it flat), then one sweep with the default config.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/create-db';
import { silentLogger } from '../logger';
import { PAYMENTS_TIMING_DEFAULTS, type PaymentsConfig } from '../payments/payments-config';
import { claimDueOrders } from '../payments/polling/poll-leases';
import { startPoller } from '../payments/polling/poller';
import { startEmulator } from '../emulator/emulator';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import { createZaloPayClient } from '../zalopay';
import { below, figure, type CaseResult, type Figure } from './benchmark-result';
import { summarize } from './percentiles';
import { benchAppTransId, BENCH_APP_ID, seedHistory, seedOrders } from './seed-orders';
import { settleDatabase } from './settle-database';
import { queryCount, queryRows } from '../../db/query-rows';

export interface PollerClaimPlan {
  dueOrders: number;
  historicalOrders: number;
  /** When history is scaled down (PGlite, --quick), why: said in the report. */
  historyNote?: string;
  /** Claims measured per pass, at most (a pass also ends when nothing is left to claim). */
  claimsPerPass: number;
  sweepWindowSeconds: number;
}

const TAG = 'pd';
const dueLike = () => `${benchAppTransId(TAG, 0).slice(0, -1)}%`;

/** The claim statement of poll-leases.ts, spelled out for EXPLAIN. */
const CLAIM_SQL = (limit: number) => sql`
  update payment_attempts set lease_until = now() + interval '30 seconds', lease_owner = 'explain',
    poll_attempts = poll_attempts + 1
  where id in (select id from payment_attempts where status = 'PENDING' and next_poll_at <= now()
    and (lease_until is null or lease_until < now()) order by next_poll_at limit ${limit}
    for update skip locked)
  returning *`;

async function measureClaims(handle: DatabaseHandle, plan: PollerClaimPlan): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < plan.claimsPerPass; i += 1) {
    const started = performance.now();
    const claimed = await claimDueOrders(handle.db, {
      now: new Date(),
      leaseMs: PAYMENTS_TIMING_DEFAULTS.poller.leaseMs,
      owner: 'bench',
      limit: PAYMENTS_TIMING_DEFAULTS.poller.batchSize,
    });
    timings.push(performance.now() - started);
    if (claimed.length === 0) break;
  }
  await handle.db.execute(
    sql`update payment_attempts set lease_until = null, lease_owner = null, poll_attempts = 0 where app_trans_id like ${dueLike()}`,
  );
  return timings;
}

async function explainClaim(handle: DatabaseHandle): Promise<string[]> {
  const planRow = z.object({ 'QUERY PLAN': z.string() });
  let lines: string[] = [];
  await handle.db
    .transaction(async (tx) => {
      const rows = await queryRows(
        tx,
        sql`explain (analyze, costs off) ${CLAIM_SQL(PAYMENTS_TIMING_DEFAULTS.poller.batchSize)}`,
        planRow,
      );
      lines = rows.map((row) => row['QUERY PLAN']);
      tx.rollback();
    })
    .catch(() => undefined);
  return lines;
}

async function sweep(handle: DatabaseHandle, plan: PollerClaimPlan) {
  const emulator = await startEmulator({ host: '127.0.0.1' });
  const app = PUBLIC_SANDBOX_APPS[0];
  if (!app) throw new Error('No public sandbox app');
  const config: PaymentsConfig = {
    appId: BENCH_APP_ID,
    publicBaseUrl: 'http://127.0.0.1:9',
    orders: { ...PAYMENTS_TIMING_DEFAULTS.orders, minAmount: 1_000, maxAmount: 50_000_000 },
    poller: PAYMENTS_TIMING_DEFAULTS.poller,
  };
  const zalopay = createZaloPayClient({
    appId: app.appId,
    key1: app.key1,
    key2: app.key2,
    apiBaseUrl: emulator.url,
    gatewayBaseUrl: emulator.url,
  });
  const queried = () =>
    queryCount(
      handle.db,
      sql`select count(*) as count from payment_events e join payment_attempts o on o.id = e.order_id where o.app_trans_id like ${dueLike()} and e.kind = 'query'`,
    );
  const before = await queried();
  const started = performance.now();
  const poller = startPoller({
    database: handle,
    zalopay,
    config,
    log: silentLogger(),
    instanceId: 'bench-sweep',
  });
  await new Promise((resolve) => setTimeout(resolve, plan.sweepWindowSeconds * 1000));
  await poller.stop();
  const seconds = (performance.now() - started) / 1000;
  await emulator.close();
  const done = (await queried()) - before;
  return { done, seconds, ratePerSecond: done / seconds, config };
}

export async function runPollerClaim(
  handle: DatabaseHandle,
  plan: PollerClaimPlan,
): Promise<CaseResult> {
  // Only this case's orders may be due: push every other PENDING order (earlier cases') out of the way.
  await handle.db.execute(
    sql`update payment_attempts set next_poll_at = now() + interval '1 day' where status = 'PENDING'`,
  );
  await seedOrders(handle.db, {
    tag: TAG,
    count: plan.dueOrders,
    status: 'PENDING',
    nextPollInSeconds: -600,
  });
  await settleDatabase(handle.db);
  const rowsBefore = await queryCount(
    handle.db,
    sql`select count(*) as count from payment_attempts`,
  );
  const withoutHistory = summarize(await measureClaims(handle, plan));

  const seedStarted = performance.now();
  await seedHistory(handle.db, plan.historicalOrders);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await settleDatabase(handle.db);
  const rowsAfter = await queryCount(
    handle.db,
    sql`select count(*) as count from payment_attempts`,
  );
  const withHistory = summarize(await measureClaims(handle, plan));
  const explain = await explainClaim(handle);

  const swept = await sweep(handle, plan);
  const sweepSeconds = plan.dueOrders / swept.ratePerSecond;

  const figures: Figure[] = [
    figure(
      `claim of ${PAYMENTS_TIMING_DEFAULTS.poller.batchSize}, ${rowsBefore.toLocaleString('en-US')} orders in all: p50`,
      withoutHistory.p50,
      'ms',
    ),
    figure(
      `claim of ${PAYMENTS_TIMING_DEFAULTS.poller.batchSize}, ${rowsBefore.toLocaleString('en-US')} orders in all: p99`,
      withoutHistory.p99,
      'ms',
      below(20),
    ),
    figure(
      `claim of ${PAYMENTS_TIMING_DEFAULTS.poller.batchSize}, ${rowsAfter.toLocaleString('en-US')} orders in all: p50`,
      withHistory.p50,
      'ms',
    ),
    figure(
      `claim of ${PAYMENTS_TIMING_DEFAULTS.poller.batchSize}, ${rowsAfter.toLocaleString('en-US')} orders in all: p99`,
      withHistory.p99,
      'ms',
      below(20),
    ),
    figure('poller queries per second under the default budget', swept.ratePerSecond, 'queries/s'),
    figure(
      `one sweep through the ${plan.dueOrders.toLocaleString('en-US')} due orders`,
      sweepSeconds,
      's',
    ),
  ];
  return {
    id: 'poller-claim',
    title: 'Poller claim and sweep',
    figures,
    notes: [
      `${plan.dueOrders.toLocaleString('en-US')} due PENDING orders; ${plan.historicalOrders.toLocaleString('en-US')} closed historical orders (a third each PAID, FAILED, EXPIRED, over the past year) inserted with one INSERT ... SELECT generate_series in ${seedSeconds.toFixed(1)} s, then VACUUM ANALYZE and CHECKPOINT (both passes), so that claims are timed against a settled table rather than during the write-back of the insert.${plan.historyNote ? ` ${plan.historyNote}` : ''}`,
      `Each pass calls claimDueOrders (server/payments/polling/poll-leases.ts) with the default batch of ${PAYMENTS_TIMING_DEFAULTS.poller.batchSize} until nothing is left or ${plan.claimsPerPass} claims (${withHistory.count} claims timed with history, ${withoutHistory.count} without); the leases are then released for the next pass.`,
      ...(explain.length > 0
        ? [
            `The claim's plan with history (EXPLAIN ANALYZE, rolled back): ${explain.map((line) => `\`${line.trim()}\``).join(' ')}`,
          ]
        : []),
      `Sweep: startPoller with the default config (tick ${swept.config.poller.tickMs} ms, batch ${swept.config.poller.batchSize}, concurrency ${swept.config.poller.concurrency}, budget ${swept.config.poller.queryRatePerSecond} queries/s) against an emulator that does not know these orders (each answer: not found, so the order stays PENDING with a ledger row), for ${swept.seconds.toFixed(0)} s: ${swept.done} orders queried. The sweep time is the due count divided by that rate: the budget, not the database, sets it.`,
      `So at the default budget one instance queries each PENDING order about once a minute (ZaloPay's guidance) only while fewer than ${(swept.config.poller.queryRatePerSecond * swept.config.poller.intervalMs) / 1000} orders are PENDING; beyond that every order is polled less often (${sweepSeconds.toFixed(0)} s apart here). Raise QUERY_RATE_PER_SECOND (within what ZaloPay allows) or add instances if that many orders can be open at once.`,
    ],
  };
}
