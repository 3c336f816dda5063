// Test support for migration tests: a database of either driver migrated up to just before a given
// migration (the schema as it was), so a test can fill it through the old names, migrate on with
// db/migrate.ts and read the same rows back through the new ones.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { createDb, type DatabaseDriver, type DatabaseHandle } from '../../db/create-db';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { readFreshClusterSnapshot } from '../../db/pglite-fresh-cluster';
import * as schema from '../../db/schema';

export interface DatabaseBeforeMigration {
  handle: DatabaseHandle;
  /** Closes the handle, drops a PostgreSQL database and removes the shortened migrations folder. */
  drop(): Promise<void>;
}

/**
 * A new database with the migrations whose tag sorts before `tag` applied ('0009' stops before
 * 0009_payment_attempts). PGlite always; PostgreSQL needs DATABASE_URL or TEST_DATABASE_URL.
 */
export async function databaseBeforeMigration(
  driver: DatabaseDriver,
  tag: string,
): Promise<DatabaseBeforeMigration> {
  const folder = await migrationsBefore(tag);
  const empty = await emptyDatabase(driver);
  const config = { migrationsFolder: folder };
  if (driver === 'pglite') await migratePglite(empty.handle.db as never, config);
  else await migratePostgres(empty.handle.db as never, config);
  return {
    handle: empty.handle,
    async drop() {
      await empty.drop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** A copy of the migrations folder whose journal stops before `tag`: an older release's schema. */
export async function migrationsBefore(tag: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), `migrations-before-${tag}-`));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as {
    entries: Array<{ tag: string }>;
  };
  journal.entries = journal.entries.filter((entry) => entry.tag < tag);
  await writeFile(journalPath, JSON.stringify(journal));
  return folder;
}

/** An empty database of the driver (createDb's PGlite may start from a migrated snapshot: not this one). */
async function emptyDatabase(driver: DatabaseDriver): Promise<DatabaseBeforeMigration> {
  if (driver === 'pglite') {
    const fresh = await readFreshClusterSnapshot();
    const client = await PGlite.create(fresh ? { loadDataDir: fresh } : {});
    const handle: DatabaseHandle = {
      db: drizzle({ client, schema }),
      driver: 'pglite',
      listen: () => Promise.reject(new Error('not used here')),
      close: () => client.close(),
    };
    return { handle, drop: () => handle.close() };
  }
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) throw new Error('the postgres driver needs DATABASE_URL');
  const name = `checkout_migration_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.href, maxConnections: 2 });
  return {
    handle,
    async drop() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}
