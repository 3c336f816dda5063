// Status changes travel through Postgres NOTIFY (docs/design.md §6), so the instance holding a shopper's live
// stream hears about a change made by any instance. One LISTEN per service, fanned out in process.
import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../../db/create-db';
import type { Logger } from '../../logger';

export const PAYMENT_STATUS_CHANNEL = 'payment_status';
/** Our app_trans_ids (yymmdd_ and base64url) never hold a space: it separates several in one payload. */
const SEPARATOR = ' ';
/** Postgres refuses payloads of 8,000 bytes or more. */
const MAX_PAYLOAD_CHARS = 7_000;

interface Announcer {
  pending: string[];
  sending: Promise<void> | null;
}
const announcers = new WeakMap<Database, Announcer>();

/**
 * Announces a status change that has committed. The NOTIFY is sent after the transaction, not in it:
 * Postgres serialises the commits of notifying transactions on one lock, which halved the callback
 * rate (docs/benchmarks.md). Changes announced while a NOTIFY is on its way share the next one. It is
 * a hint, not a record: if it is lost (the process dies first), open pages see the change at their
 * next getStatus poll (client/live-status).
 */
export function announceStatusChange(
  deps: { db: Database; log: Logger },
  appTransId: string,
): void {
  let announcer = announcers.get(deps.db);
  if (!announcer) {
    announcer = { pending: [], sending: null };
    announcers.set(deps.db, announcer);
  }
  announcer.pending.push(appTransId);
  announcer.sending ??= sendPending(deps, announcer);
}

/** Resolves once every change announced so far has been sent (or failed to send). */
export async function announcementsSent(db: Database): Promise<void> {
  await announcers.get(db)?.sending;
}

async function sendPending(deps: { db: Database; log: Logger }, announcer: Announcer) {
  // Let the rest of this turn's changes join the first NOTIFY.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    while (announcer.pending.length > 0) {
      const payload = takePayload(announcer.pending);
      try {
        await deps.db.execute(sql`select pg_notify(${PAYMENT_STATUS_CHANNEL}, ${payload})`);
      } catch (error) {
        deps.log.warn(
          { err: error, appTransIds: payload.split(SEPARATOR) },
          'could not announce status changes; open pages will see them at their next poll',
        );
      }
    }
  } finally {
    announcer.sending = null;
  }
}

/** Removes from `pending` as many ids as fit in one payload, and joins them. */
function takePayload(pending: string[]): string {
  let length = 0;
  let count = 0;
  while (count < pending.length && length + (pending[count]?.length ?? 0) < MAX_PAYLOAD_CHARS) {
    length += (pending[count]?.length ?? 0) + SEPARATOR.length;
    count += 1;
  }
  return pending.splice(0, Math.max(count, 1)).join(SEPARATOR);
}

export interface StatusChangeFeed {
  /** Calls onChange whenever any instance changes this order's status; returns the unsubscribe. */
  subscribe(appTransId: string, onChange: () => void): Promise<() => void>;
  /** Aborts when the feed closes, so live streams can end instead of waiting forever. */
  readonly closedSignal: AbortSignal;
  close(): Promise<void>;
}

export function createStatusChangeFeed(database: DatabaseHandle, log: Logger): StatusChangeFeed {
  const subscribers = new Map<string, Set<() => void>>();
  let listening: Promise<() => Promise<void>> | null = null;
  const closing = new AbortController();

  function deliver(payload: string) {
    for (const appTransId of payload.split(SEPARATOR)) {
      for (const onChange of subscribers.get(appTransId) ?? []) {
        try {
          onChange();
        } catch (error) {
          log.error({ err: error, appTransId }, 'status change subscriber failed');
        }
      }
    }
  }

  return {
    async subscribe(appTransId, onChange) {
      if (closing.signal.aborted) throw new Error('The status change feed is closed');
      listening ??= database.listen(PAYMENT_STATUS_CHANNEL, deliver);
      await listening;
      const forOrder = subscribers.get(appTransId) ?? new Set();
      forOrder.add(onChange);
      subscribers.set(appTransId, forOrder);
      return () => {
        forOrder.delete(onChange);
        if (forOrder.size === 0 && subscribers.get(appTransId) === forOrder) {
          subscribers.delete(appTransId);
        }
      };
    },
    closedSignal: closing.signal,
    async close() {
      closing.abort();
      subscribers.clear();
      const unlisten = await listening?.catch(() => null);
      listening = null;
      await unlisten?.();
    },
  };
}
