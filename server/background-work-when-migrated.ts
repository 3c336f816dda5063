// Background work (ROLE=worker or all) starts once the schema is there: at once when this instance
// migrated it, else when `npm run migrate` has (MIGRATE_ON_START=false), checked every 2 s until stopped.
import type { Env } from './env';
import type { Logger } from './logger';
import type { DatabaseHandle } from '../db/create-db';
import { migrationsApplied } from '../db/migrate';
import {
  startBackgroundWork,
  type BackgroundWork,
  type BackgroundWorkDeps,
} from './background-work';

/** Resolves true once `npm run migrate` has run, false if `stop` comes first. */
async function migrationsDone(database: DatabaseHandle, log: Logger, stop: AbortSignal) {
  for (let warned = false; !stop.aborted; warned = true) {
    const { applied, expected } = await migrationsApplied(database.db).catch(() => ({
      applied: -1,
      expected: 0,
    }));
    if (applied === expected) return true;
    if (!warned)
      log.warn({ applied, expected }, 'waiting for `npm run migrate` (MIGRATE_ON_START=false)');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  return false;
}

export interface PendingBackgroundWork {
  /** Resolves once the work has started, or will not (ROLE=web, or stopped first). */
  started: Promise<void>;
  /** Gives up waiting for the migrations; resolves once the work has started or never will. */
  stopWaiting(): Promise<void>;
  /** Lets each round in flight finish (releasing its leases) and starts no other. */
  stop(): Promise<void>;
}

export function startBackgroundWorkWhenMigrated(
  env: Env,
  deps: BackgroundWorkDeps,
): PendingBackgroundWork {
  const { log, database } = deps;
  const stopping = new AbortController();
  let work: BackgroundWork | undefined;
  const started =
    env.role === 'web'
      ? Promise.resolve()
      : (env.migrateOnStart
          ? Promise.resolve(true)
          : migrationsDone(database, log, stopping.signal)
        ).then((ready) => {
          if (ready && !stopping.signal.aborted) {
            work = startBackgroundWork(deps);
            log.info('background work started: poller, fulfilment, refund checks, webhooks');
          }
        });
  return {
    started,
    stopWaiting() {
      stopping.abort();
      return started;
    },
    async stop() {
      await work?.stop();
    },
  };
}
