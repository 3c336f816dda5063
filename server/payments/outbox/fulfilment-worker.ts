// Delivers the fulfilment outbox (docs/design.md §2.8): each paid merchant order's one row is handed to the
// merchant's hook at least once, keyed by the order's reference so the hook can ignore a second delivery;
// once the hook has taken it, the order is FULFILLED. Failures back off.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../../db/create-db';
import {
  fulfilments,
  paymentAttempts,
  merchantOrders,
  type MerchantOrderLine,
} from '../../../db/schema';
import type { Logger } from '../../logger';
import { backoffMs, type Backoff } from '../../backoff';
import { statusesBefore } from '../merchant-orders/merchant-order-state-machine';
import { startPeriodicRounds } from '../../workers/periodic-rounds';
import { inSpan, ORDER_ATTRIBUTES } from '../../telemetry/spans';

export interface FulfilmentJob {
  /** The same for every delivery of this order (its reference): make the hook idempotent on it. */
  idempotencyKey: string;
  /** The merchant order's reference. */
  orderId: string;
  /** The lines as bought. */
  lines: MerchantOrderLine[];
  total: number;
  /** The paid attempt. */
  appTransId: string;
  zpTransId: string | null;
  paidAt: Date;
}

export type FulfilmentHook = (job: FulfilmentJob) => Promise<void>;

/** The default hook: write the paid order to the log. A real shop ships goods here. */
export const logFulfilmentHook =
  (log: Logger): FulfilmentHook =>
  async (job) => {
    log.info(
      { orderId: job.orderId, appTransId: job.appTransId, fulfilment: job },
      'order paid: fulfil it',
    );
  };

export interface FulfilmentWorkerDeps {
  database: DatabaseHandle;
  hook: FulfilmentHook;
  log: Logger;
  /** How often the worker looks for work, default 1 000 ms. */
  intervalMs?: number;
  /** The domain clock, as for the payments service. */
  now?: () => Date;
  /** How long a claimed row is reserved for this instance (FULFILMENT_LEASE_MS), default 30 000 ms. */
  leaseMs?: number;
}

export interface FulfilmentWorker {
  /** Delivers everything due now; resolves with how many jobs the hook completed. */
  drain(): Promise<number>;
  /** Clears the interval and waits for the delivery in progress. */
  stop(): Promise<void>;
}

const BATCH_SIZE = 100;
const MAX_BATCHES_PER_DRAIN = 50;
/** A failed hook is tried again after 1 s, doubling per failure, at most an hour apart. */
const RETRY_BACKOFF: Backoff = { firstMs: 1000, maxMs: 60 * 60 * 1000, jitter: 'none' };

export function startFulfilmentWorker(deps: FulfilmentWorkerDeps): FulfilmentWorker {
  const db = deps.database.db;
  const now = deps.now ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? 30_000;

  /**
   * Rows this instance claimed but did not finish because the database went away mid-round. They are
   * handed back at the start of the next round instead of waiting out their lease; a job whose hook had
   * already run is then delivered again, which the idempotency key makes harmless.
   */
  const unfinished = new Set<number>();

  async function releaseUnfinished() {
    if (unfinished.size === 0) return;
    await db
      .update(fulfilments)
      .set({ leaseUntil: null })
      .where(and(inArray(fulfilments.id, [...unfinished]), eq(fulfilments.status, 'PENDING')));
    unfinished.clear();
  }

  /**
   * Runs the hook; true when it completed. A failure is recorded at once for a retry with backoff;
   * completions are marked done together by the caller. Database failures throw.
   */
  async function deliver(job: FulfilmentJob & { fulfilmentId: number; attempts: number }) {
    const { fulfilmentId, attempts, ...hookJob } = job;
    try {
      await inSpan(
        'fulfilment delivery',
        {
          [ORDER_ATTRIBUTES.orderReference]: job.orderId,
          [ORDER_ATTRIBUTES.appTransId]: job.appTransId,
        },
        () => deps.hook(hookJob),
      );
      return true;
    } catch (error) {
      const retryInMs = backoffMs(RETRY_BACKOFF, attempts);
      deps.log.error(
        { err: error, appTransId: job.appTransId, attempts },
        'fulfilment hook failed; will retry',
      );
      await db
        .update(fulfilments)
        .set({
          lastError: error instanceof Error ? error.message : String(error),
          nextAttemptAt: new Date(now().getTime() + retryInMs),
          leaseUntil: null,
        })
        .where(eq(fulfilments.id, fulfilmentId));
      return false;
    }
  }

  /**
   * One statement for a whole batch's completions (one per job cost a round trip per paid order): the
   * outbox rows are DONE and their merchant orders FULFILLED (unless a refund has moved them on already).
   */
  async function markDone(ids: number[]) {
    if (ids.length === 0) return;
    const at = now();
    const done = db
      .$with('done')
      .as(
        db
          .update(fulfilments)
          .set({ status: 'DONE', doneAt: at, leaseUntil: null, lastError: null })
          .where(inArray(fulfilments.id, ids))
          .returning({ shopOrderId: fulfilments.shopOrderId }),
      );
    await db
      .with(done)
      .update(merchantOrders)
      .set({ status: 'FULFILLED', fulfilledAt: at, updatedAt: at })
      .where(
        and(
          inArray(merchantOrders.id, db.select({ id: done.shopOrderId }).from(done)),
          inArray(merchantOrders.status, statusesBefore('FULFILLED')),
        ),
      );
  }

  async function drainOnce(): Promise<number> {
    await releaseUnfinished();
    let done = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_DRAIN && !rounds.stopped; batch++) {
      const jobs = await claimDueJobs(db, now(), leaseMs);
      if (jobs.length === 0) break;
      for (const job of jobs) unfinished.add(job.fulfilmentId);
      const completed: number[] = [];
      for (const job of jobs) {
        if (await deliver(job)) completed.push(job.fulfilmentId);
        else unfinished.delete(job.fulfilmentId);
      }
      await markDone(completed);
      for (const id of completed) unfinished.delete(id);
      done += completed.length;
    }
    return done;
  }

  const rounds = startPeriodicRounds({
    round: drainOnce,
    intervalMs: deps.intervalMs ?? 1_000,
    log: deps.log,
    name: 'fulfilment',
  });
  return { drain: rounds.run, stop: rounds.stop };
}

/** Claims due outbox rows (SKIP LOCKED, a lease) and returns them with the order fields the hook needs. */
async function claimDueJobs(db: Database, at: Date, leaseMs: number) {
  const due = db
    .select({ id: fulfilments.id })
    .from(fulfilments)
    .where(
      and(
        eq(fulfilments.status, 'PENDING'),
        lte(fulfilments.nextAttemptAt, at),
        or(isNull(fulfilments.leaseUntil), lt(fulfilments.leaseUntil, at)),
      ),
    )
    .orderBy(asc(fulfilments.id))
    .limit(BATCH_SIZE)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(fulfilments)
    .set({
      leaseUntil: new Date(at.getTime() + leaseMs),
      attempts: sql`${fulfilments.attempts} + 1`,
    })
    .from(paymentAttempts)
    .innerJoin(merchantOrders, eq(merchantOrders.id, paymentAttempts.shopOrderId))
    .where(and(inArray(fulfilments.id, due), eq(paymentAttempts.id, fulfilments.orderId)))
    .returning({
      fulfilmentId: fulfilments.id,
      attempts: fulfilments.attempts,
      idempotencyKey: fulfilments.idempotencyKey,
      createdAt: fulfilments.createdAt,
      orderId: merchantOrders.id,
      lines: merchantOrders.lines,
      total: merchantOrders.total,
      appTransId: paymentAttempts.appTransId,
      zpTransId: paymentAttempts.zpTransId,
      paidAt: paymentAttempts.paidAt,
    });
  return claimed
    .sort((a, b) => a.fulfilmentId - b.fulfilmentId)
    .map(({ createdAt, paidAt, ...job }) => ({ ...job, paidAt: paidAt ?? createdAt }));
}
