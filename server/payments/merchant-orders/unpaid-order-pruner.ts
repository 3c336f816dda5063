// Merchant orders nobody ever tried to pay: a cart's order is stored when the shopper presses Pay, so
// anyone can store many (about 86,000 a day from one address within the limits). One that has
// never had a payment attempt is deleted UNPAID_ORDER_RETENTION_DAYS after it was made; it has no
// attempt, ledger row, fulfilment or webhook event to lose. A round every hour, in batches.
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../db/create-db';
import { merchantOrders } from '../../../db/schema';
import type { Logger } from '../../logger';
import { startPeriodicRounds } from '../../workers/periodic-rounds';

export interface UnpaidOrderPrunerDeps {
  database: DatabaseHandle;
  /** UNPAID_ORDER_RETENTION_DAYS; 0 keeps them forever (no rounds). */
  retentionDays: number;
  log: Logger;
  /** How often a round runs, default one hour. */
  intervalMs?: number;
  now?: () => Date;
}

export interface UnpaidOrderPruner {
  /** Deletes what is due now; resolves with how many orders went. */
  prune(): Promise<number>;
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60_000;
const BATCH_SIZE = 500;
const MAX_BATCHES_PER_ROUND = 100;

export function startUnpaidOrderPruner(deps: UnpaidOrderPrunerDeps): UnpaidOrderPruner {
  const db = deps.database.db;
  const now = deps.now ?? (() => new Date());
  if (deps.retentionDays === 0) return { prune: () => Promise.resolve(0), stop: async () => {} };

  /** Never attempted: `attempts` is raised under the order's row lock before an attempt is stored. */
  const neverAttempted = (before: Date) =>
    and(
      eq(merchantOrders.attempts, 0),
      eq(merchantOrders.status, 'AWAITING_PAYMENT'),
      lt(merchantOrders.createdAt, before),
    );

  async function round(): Promise<number> {
    const before = new Date(now().getTime() - deps.retentionDays * DAY_MS);
    let deleted = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_ROUND && !rounds.stopped; batch += 1) {
      // Rows a payment is locking are skipped; the DELETE checks the condition again on each row.
      const due = db
        .select({ id: merchantOrders.id })
        .from(merchantOrders)
        .where(neverAttempted(before))
        .limit(BATCH_SIZE)
        .for('update', { skipLocked: true });
      const gone = await db
        .delete(merchantOrders)
        .where(and(inArray(merchantOrders.id, due), neverAttempted(before)))
        .returning({ id: merchantOrders.id });
      deleted += gone.length;
      if (gone.length < BATCH_SIZE) break;
    }
    if (deleted > 0) {
      deps.log.info(
        { deleted, olderThan: before.toISOString() },
        'deleted merchant orders that never had a payment attempt',
      );
    }
    return deleted;
  }

  const rounds = startPeriodicRounds({
    round,
    intervalMs: deps.intervalMs ?? 60 * 60_000,
    log: deps.log,
    name: 'unpaid order pruning',
  });
  return { prune: () => rounds.run(), stop: () => rounds.stop() };
}
