// The webhook events as a feed (GET /api/v1/events): every event in one total order, paged by cursor, so
// a shop whose receiver was down catches up without waiting for retries. The order is (txid, seq), and a
// page holds only events of transactions older than every one still running in this database: an event
// that commits late can never land behind a cursor a reader already passed.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/create-db';
import { queryRows } from '../../db/query-rows';

export const EVENT_ID_SHAPE = /^evt_[0-9a-f]{32}$/;

export interface EventPage {
  /** Each event exactly as its webhook body: `{"id", "type", "created", "data"}`. */
  events: unknown[];
  hasMore: boolean;
}

/**
 * The first transaction id whose events a page may not show yet: the oldest transaction still running
 * in this database (its events may commit behind ones already visible), else the snapshot's xmax. A
 * running transaction is passed over only when it is seen running in another database, which cannot
 * write our events; a long transaction of this database holds the feed back until it ends.
 */
const VISIBLE_HORIZON = sql`select least(pg_snapshot_xmax(snap.s), (
    select min(x) from pg_snapshot_xip(snap.s) x
    where not exists (
      select 1 from pg_stat_activity a
      where a.backend_xid = x::xid
        and a.datid <> (select oid from pg_database where datname = current_database()))))
  from (select pg_current_snapshot() as s) snap`;

const payloadRow = z.object({ payload: z.unknown() });

/** The events after `startingAfter` (from the first one without it); undefined when that event does not exist. */
export async function listEventsAfter(
  db: Database,
  page: { startingAfter?: string | undefined; limit: number },
): Promise<EventPage | undefined> {
  const visible = sql`e.txid < (${VISIBLE_HORIZON})`;
  let after = sql`true`;
  if (page.startingAfter !== undefined) {
    const [cursor] = await queryRows(
      db,
      sql`select 1 as found from webhook_events where id = ${page.startingAfter}`,
      z.object({ found: z.number() }),
    );
    if (!cursor) return undefined;
    after = sql`(e.txid, e.seq) > (select c.txid, c.seq from webhook_events c where c.id = ${page.startingAfter})`;
  }
  const rows = await queryRows(
    db,
    sql`select e.payload from webhook_events e where ${visible} and ${after}
        order by e.txid, e.seq limit ${page.limit + 1}`,
    payloadRow,
  );
  return {
    events: rows.slice(0, page.limit).map((row) => row.payload),
    hasMore: rows.length > page.limit,
  };
}
