// Instances started at the same moment on one PostgreSQL database: each holds its own handle
// (its own connections, as separate processes would) and calls migrate() at once, on an empty database
// and on one left at an older schema. All must succeed and every migration must be recorded once.
// PostgreSQL only: PGlite is one process's embedded database, which no second instance can open.
import { rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { migrationsBefore } from '../server/testing/database-before-migration';
import { createDb, type DatabaseHandle, type Schema } from './create-db';
import { migrate, migrationsApplied } from './migrate';
import { queryRows } from './query-rows';

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
const INSTANCES = 8;

const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : undefined;
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `checkout_migrate_${randomBytes(6).toString('hex')}`;
  await admin!.unsafe(`CREATE DATABASE "${name}"`);
  created.push(name);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.href;
}

async function journal(handle: DatabaseHandle) {
  return queryRows(
    handle.db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by id`,
    z.object({ hash: z.string(), created_at: z.coerce.number() }),
  );
}

/** INSTANCES handles migrating at once; every one resolves, or the test shows which failed and why. */
async function migrateTogether(url: string): Promise<DatabaseHandle> {
  const handles = await Promise.all(
    Array.from({ length: INSTANCES }, () => createDb({ databaseUrl: url, maxConnections: 2 })),
  );
  try {
    const outcomes = await Promise.allSettled(handles.map((handle) => migrate(handle)));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
  } finally {
    await Promise.all(handles.slice(1).map((handle) => handle.close()));
  }
  return handles[0]!;
}

describe.skipIf(!serverUrl)('migrations started by many instances at once (PostgreSQL)', () => {
  afterAll(async () => {
    for (const name of created)
      await admin!.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end({ timeout: 5 });
  });

  it(`migrates an empty database once with ${INSTANCES} instances starting together`, async () => {
    const handle = await migrateTogether(await emptyDatabase());
    try {
      const { applied, expected } = await migrationsApplied(handle.db);
      expect(applied).toBe(expected);
      const rows = await journal(handle);
      expect(rows).toHaveLength(expected);
      expect(new Set(rows.map((row) => row.hash)).size).toBe(expected);
    } finally {
      await handle.close();
    }
  });

  it('brings an older database up to date once, with the old rows kept', async () => {
    const url = await emptyDatabase();
    const old = await createDb({ databaseUrl: url, maxConnections: 1 });
    const folder = await migrationsBefore('0003');
    try {
      await migratePostgres(old.db as unknown as PostgresJsDatabase<Schema>, {
        migrationsFolder: folder,
      });
      expect((await journal(old)).length).toBe(3);
    } finally {
      await old.close();
      await rm(folder, { recursive: true, force: true });
    }
    const handle = await migrateTogether(url);
    try {
      const rows = await journal(handle);
      const { expected } = await migrationsApplied(handle.db);
      expect(rows).toHaveLength(expected);
      expect(new Set(rows.map((row) => row.hash)).size).toBe(expected);
      // The lock is released: nobody holds it once every instance is through.
      const locks = await queryRows(
        handle.db,
        sql`select count(*)::int as held from pg_locks where locktype = 'advisory'`,
        z.object({ held: z.number() }),
      );
      expect(locks[0]?.held).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
