// Between cases, the database is brought back to rest: the work one case leaves behind (a fulfilment
// backlog, autovacuum and the write-back of its rows) must not be timed as part of the next case.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { queryCount } from '../../db/query-rows';
import { DURABLE_OUTBOX_TABLE } from './durable-baseline-schema';

/** How long to wait for the fulfilment workers to deliver what a load left in their outboxes. */
const OUTBOX_DRAIN_TIMEOUT_MS = 60_000;

/** Waits for the fulfilment outboxes to empty (bounded), then VACUUM ANALYZE and CHECKPOINT. */
export async function settleDatabase(
  db: Database,
  options: { drainOutbox?: boolean } = {},
): Promise<void> {
  if (options.drainOutbox) {
    const deadline = performance.now() + OUTBOX_DRAIN_TIMEOUT_MS;
    // The durable baseline's outbox, where it has one, is drained by its own worker.
    const durableOutbox = sql.identifier(DURABLE_OUTBOX_TABLE);
    const hasDurableOutbox =
      (await queryCount(
        db,
        sql`select count(*) as count from pg_tables where tablename = ${DURABLE_OUTBOX_TABLE}`,
      )) > 0;
    while (performance.now() < deadline) {
      const pending =
        (await queryCount(
          db,
          sql`select count(*) as count from fulfilments where status = 'PENDING'`,
        )) +
        (hasDurableOutbox
          ? await queryCount(
              db,
              sql`select count(*) as count from ${durableOutbox} where status = 'PENDING'`,
            )
          : 0);
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await db.execute(sql`vacuum analyze`);
  // CHECKPOINT needs a superuser (or pg_checkpoint): without one, the write-back is left to Postgres.
  await db.execute(sql`checkpoint`).catch(() => undefined);
}
