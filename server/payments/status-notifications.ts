// Status changes travel through Postgres NOTIFY (design.md §6), so the instance holding a shopper's live
// stream hears about a change made by any instance. One LISTEN per service, fanned out in process.
import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Transaction } from '../../db/create-db';
import type { Logger } from '../logger';

export const PAYMENT_STATUS_CHANNEL = 'payment_status';

/** Queues a notification in the transaction; Postgres delivers it only if the transaction commits. */
export async function notifyStatusChange(tx: Transaction, appTransId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${PAYMENT_STATUS_CHANNEL}, ${appTransId})`);
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

  function deliver(appTransId: string) {
    for (const onChange of subscribers.get(appTransId) ?? []) {
      try {
        onChange();
      } catch (error) {
        log.error({ err: error, appTransId }, 'status change subscriber failed');
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
