// Test support, the bottom of every harness layer: a fresh, migrated database per test suite, on every
// driver this machine can offer. PGlite always; PostgreSQL too when TEST_DATABASE_URL (or DATABASE_URL)
// names a server to create databases on.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type DatabaseDriver, type DatabaseHandle } from '../../db/create-db';
import { migrate } from '../../db/migrate';

export interface TestDatabase extends DatabaseHandle {
  /** The throwaway database's URL (PostgreSQL only), for opening a second handle on the same data. */
  url?: string;
  /** Closes the handle and, on PostgreSQL, drops the throwaway database. */
  dispose(): Promise<void>;
}

// Test support is the one place outside server/env/ that reads the environment: it is not app config.
function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** The drivers to run a shared suite against: `describe.each(testDatabaseDrivers())`. */
export function testDatabaseDrivers(): DatabaseDriver[] {
  return serverUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

export async function createTestDatabase(driver: DatabaseDriver): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const handle = await createDb({ dataDir: 'memory://' });
    await migrate(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  const server = serverUrl();
  if (!server)
    throw new Error('createTestDatabase("postgres") needs TEST_DATABASE_URL or DATABASE_URL');

  const name = `checkout_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    const handle = await createDb({ databaseUrl: url.href, maxConnections: 10 });
    await migrate(handle);
    return {
      ...handle,
      url: url.href,
      async dispose() {
        await handle.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end({ timeout: 5 });
      },
    };
  } catch (error) {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end({ timeout: 5 });
    throw error;
  }
}

/** A second handle on a PostgreSQL test database: what another app instance would hold. */
export function openSecondHandle(url: string): Promise<DatabaseHandle> {
  return createDb({ databaseUrl: url, maxConnections: 5 });
}
