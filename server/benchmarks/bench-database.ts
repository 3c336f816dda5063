// The benchmark's own database: on PostgreSQL a fresh `bench_<random>` database created from
// DATABASE_URL and dropped at the end (no other database is touched); without it, PGlite data folders.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createDb, type DatabaseHandle } from '../../db/create-db';
import { migrate } from '../../db/migrate';
import { queryRows } from '../../db/query-rows';

export interface BenchDatabase {
  driver: 'postgres' | 'pglite';
  /** The environment that points a child process (the app, the baseline) at this database. */
  childEnv(role: 'app' | 'baseline'): Record<string, string>;
  /** A handle in this process. On PGlite only one process may hold a folder: close it before a child opens it. */
  open(role: 'app' | 'baseline'): Promise<DatabaseHandle>;
  /** e.g. "PostgreSQL 15.20 (...)". */
  version(): Promise<string>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  return serverUrl ? createPostgresDatabase(serverUrl) : createPgliteFolders();
}

async function migrated(handle: DatabaseHandle): Promise<DatabaseHandle> {
  await migrate(handle);
  return handle;
}

async function versionOf(handle: DatabaseHandle): Promise<string> {
  const rows = await queryRows(
    handle.db,
    sql`select version() as version`,
    z.object({ version: z.string() }),
  );
  return rows[0]?.version ?? 'unknown';
}

async function createPostgresDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const setup = await createDb({ databaseUrl: url.href, maxConnections: 2 });
  await migrate(setup);
  const version = await versionOf(setup);
  await setup.close();
  return {
    driver: 'postgres',
    childEnv: () => ({ DATABASE_URL: url.href }),
    open: () => createDb({ databaseUrl: url.href, maxConnections: 10 }),
    version: async () => version,
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}

async function createPgliteFolders(): Promise<BenchDatabase> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'checkout-bench-'));
  const folder = (role: 'app' | 'baseline') => path.join(root, role);
  for (const role of ['app', 'baseline'] as const) {
    await (await migrated(await createDb({ dataDir: folder(role) }))).close();
  }
  return {
    driver: 'pglite',
    childEnv: (role) => ({ DATABASE_URL: '', PGLITE_DATA_DIR: folder(role) }),
    open: (role) => createDb({ dataDir: folder(role) }),
    async version() {
      const handle = await createDb({ dataDir: 'memory://' });
      const version = await versionOf(handle);
      await handle.close();
      return `PGlite (embedded) ${version}`;
    },
    drop: () => rm(root, { recursive: true, force: true }),
  };
}

/** Runs `work` with a handle of this process on the role's database, and closes it. */
export async function withHandle<T>(
  database: BenchDatabase,
  role: 'app' | 'baseline',
  work: (db: DatabaseHandle['db']) => Promise<T>,
): Promise<T> {
  const handle = await database.open(role);
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}
