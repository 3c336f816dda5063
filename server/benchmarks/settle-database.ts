// Between cases, the database is brought back to rest: the work one case leaves behind (a fulfilment
// backlog, autovacuum and the write-back of its rows) must not be timed as part of the next case.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { queryCount } from '../../db/query-rows';

/** How long to wait for the checkout's fulfilment worker to deliver what a load left in the outbox. */
const OUTBOX_DRAIN_TIMEOUT_MS = 60_000;

/** Waits for the fulfilment outbox to empty (bounded), then VACUUM ANALYZE and CHECKPOINT. */
export async function settleDatabase(
  db: Database,
  options: { drainOutbox?: boolean } = {},
): Promise<void> {
  if (options.drainOutbox) {
    const deadline = performance.now() + OUTBOX_DRAIN_TIMEOUT_MS;
    while (performance.now() < deadline) {
      const pending = await queryCount(
        db,
        sql`select count(*) as count from fulfilments where status = 'PENDING'`,
      );
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await db.execute(sql`vacuum analyze`);
  // CHECKPOINT needs a superuser (or pg_checkpoint): without one, the write-back is left to Postgres.
  await db.execute(sql`checkpoint`).catch(() => undefined);
}
