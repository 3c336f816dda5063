// Each chaos scenario gets its own PostgreSQL database (chaos_<random>), created from DATABASE_URL,
// migrated, and dropped at the end; the admin connection can also cut every backend of that database.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb } from '../../db/create-db';
import { migrate } from '../../db/migrate';

export const DEFAULT_CHAOS_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface ChaosDatabase {
  name: string;
  /** Hand this to the app processes as DATABASE_URL. */
  url: string;
  /** The test's own connection to the chaos database, for reading what the app wrote. */
  sql: postgres.Sql;
  /** pg_terminate_backend on every connection to the chaos database except the admin's; how many went. */
  terminateBackends(): Promise<number>;
  drop(): Promise<void>;
}

/** The server to create chaos databases on: the test-only environment, read here and nowhere else. */
export function chaosServerUrl(): string {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_CHAOS_SERVER_URL;
}

/** Whether PostgreSQL answers at that URL (the chaos suite is skipped, loudly, when it does not). */
export async function postgresReachable(serverUrl: string): Promise<boolean> {
  const probe = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

export async function createChaosDatabase(serverUrl: string): Promise<ChaosDatabase> {
  const name = `chaos_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const setup = await createDb({ databaseUrl: url.href, maxConnections: 2 });
  await migrate(setup);
  await setup.close();
  const sql = postgres(url.href, { max: 4, onnotice: () => {} });
  return {
    name,
    url: url.href,
    sql,
    async terminateBackends() {
      const rows = await admin`
        select pg_terminate_backend(pid) as terminated
        from pg_stat_activity
        where datname = ${name} and pid <> pg_backend_pid()`;
      return rows.length;
    },
    async drop() {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}
