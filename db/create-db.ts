// The one database factory (docs/design.md §5): embedded PGlite when no URL is given, PostgreSQL through
// postgres.js when one is. Both come back as the same drizzle type, so no other code knows which it has.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import * as schema from './schema';
import { migrate, migrationsFingerprint } from './migrate';
import { createMigratedCluster, needsNewCluster } from './pglite-fresh-cluster';
import { reconnectDelaySeconds } from './reconnect-delay';
import { DEFAULT_PGLITE_DATA_DIR } from './pglite-data-dir';
import type { DatabaseHandle } from './database-handle';

export type {
  Database,
  DatabaseDriver,
  DatabaseHandle,
  Schema,
  Transaction,
} from './database-handle';

export interface CreateDbOptions {
  /** A postgres:// URL: use PostgreSQL. Without it, use embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder, default '.data/pglite'; 'memory://' keeps everything in memory. */
  dataDir?: string | undefined;
  /** postgres.js pool size (the LISTEN connection is extra), default 10. */
  maxConnections?: number | undefined;
}

export async function createDb(options: CreateDbOptions = {}): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? connectPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : openPglite(options.dataDir ?? DEFAULT_PGLITE_DATA_DIR);
}

/** postgres.js and its drizzle driver are loaded only when used: PGlite starts do not pay for them. */
async function connectPostgres(url: string, maxConnections: number): Promise<DatabaseHandle> {
  const [{ default: postgres }, { drizzle: drizzlePostgres }] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
  ]);
  // onnotice: Postgres notices ("relation already exists, skipping" during migrations) are not our logs.
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    backoff: reconnectDelaySeconds,
  });
  return {
    db: drizzlePostgres({ client, schema }),
    driver: 'postgres',
    async listen(channel, onPayload) {
      const subscription = await client.listen(channel, onPayload);
      return () => subscription.unlisten();
    },
    async onOwnConnection(run) {
      const own = postgres(url, { max: 1, onnotice: () => {} });
      try {
        return await run(drizzlePostgres({ client: own, schema }));
      } finally {
        await own.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

function pgliteHandle(client: PGlite): DatabaseHandle {
  return {
    db: drizzlePglite({ client, schema }),
    driver: 'pglite',
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
  if (!needsNewCluster(dataDir)) return pgliteHandle(await PGlite.create(dataDir));
  // A new cluster comes back migrated (from a snapshot), so the caller's migrate() finds nothing to do.
  const client = await createMigratedCluster(dataDir, {
    fingerprint: migrationsFingerprint(),
    apply: (created) => migrate(pgliteHandle(created)),
  });
  return pgliteHandle(client);
}
