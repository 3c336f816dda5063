// Applies the generated SQL migrations in db/migrations with drizzle's own migrator for the handle's driver.
// drizzle records what it applied in its journal table, so running this at every start is safe; when that
// table already lists every migration (the usual start), one query says so and the migrator is skipped.
// On PostgreSQL the migrator runs under an advisory lock, so instances started together migrate once.
// /readyz asks the same question through migrationsApplied (server/observability/readiness.ts).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { z } from 'zod';
import type { Database, DatabaseHandle, Schema } from './database-handle';
import { queryRows } from './query-rows';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

let onDisk: MigrationMeta[] | undefined;

/** The migrations this build carries (read once: they do not change while the process runs). */
function readMigrations(): MigrationMeta[] {
  onDisk ??= readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return onDisk;
}

/** Names this set of migrations (drizzle's hash of each file, and its journal time). */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const migration of readMigrations())
    hash.update(`${migration.folderMillis}:${migration.hash}\n`);
  return hash.digest('hex').slice(0, 16);
}

export interface MigrationsApplied {
  /** Migrations of db/migrations that drizzle's journal table records, each with its hash and time. */
  applied: number;
  /** Migrations in db/migrations. */
  expected: number;
}

/** How far the database is migrated, as migrate() judges it: by drizzle's journal table. */
export async function migrationsApplied(db: Database): Promise<MigrationsApplied> {
  const migrations = readMigrations();
  const [table] = await queryRows(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
    z.object({ present: z.boolean() }),
  );
  if (!table?.present) return { applied: 0, expected: migrations.length };
  const rows = await queryRows(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations`,
    z.object({ hash: z.string(), created_at: z.coerce.number().nullable() }),
  );
  const recorded = new Set(rows.map((row) => `${row.created_at}:${row.hash}`));
  const applied = migrations.filter((m) => recorded.has(`${m.folderMillis}:${m.hash}`)).length;
  return { applied, expected: migrations.length };
}

/**
 * The session-level advisory lock every instance takes before migrating a PostgreSQL database (one number
 * for this application's migrations; `select * from pg_locks where locktype = 'advisory'` shows a holder).
 * drizzle's migrator alone is not safe to run twice at once: two fresh instances both ran
 * `CREATE SCHEMA IF NOT EXISTS "drizzle"` and one failed on pg_namespace's unique index.
 */
export const MIGRATIONS_LOCK_KEY = 7_461_203_022;

export async function migrate(handle: DatabaseHandle): Promise<void> {
  const { applied, expected } = await migrationsApplied(handle.db);
  if (applied === expected) return;
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  // Each migrator wants its driver's own database class; `driver` tells us which one createDb built.
  if (handle.driver === 'pglite') {
    // PGlite is one process's embedded database: nobody else can migrate it at the same time.
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, config);
    return;
  }
  if (!handle.onOwnConnection) throw new Error('A PostgreSQL handle without onOwnConnection');
  // The lock is held by one connection's session: every statement below runs on that connection. An
  // instance that waited finds the work done when it gets the lock. A crashed holder's lock goes with
  // its connection.
  await handle.onOwnConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATIONS_LOCK_KEY})`);
    try {
      const now = await migrationsApplied(db);
      if (now.applied < now.expected) {
        await migratePostgres(db as unknown as PostgresJsDatabase<Schema>, config);
      }
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATIONS_LOCK_KEY})`);
    }
  });
}
