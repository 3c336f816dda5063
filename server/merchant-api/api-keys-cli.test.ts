// `npm run api-keys` run as a child process against a real database of each driver: create prints only
// the key (which then authenticates), list never shows a key, revoke takes effect, and bad usage, a bad
// name or an unknown id fail with a message on stderr and their exit code.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/create-db';
import { authenticateApiKey } from '../api-keys/api-keys';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../testing/test-database';

const CLI = path.resolve(import.meta.dirname, 'api-keys-cli.ts');
const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Each run starts tsx and opens the database: seconds apiece on a busy machine. */
const SLOW = 180_000;

describe.each(testDatabaseDrivers())('npm run api-keys on %s', (driver) => {
  let postgres: TestDatabase | undefined;
  let dataDir: string;
  let databaseEnv: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'api-keys-cli-'));
    if (driver === 'postgres') postgres = await createTestDatabase('postgres');
    databaseEnv = postgres ? { DATABASE_URL: postgres.url! } : { PGLITE_DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await postgres?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  function cli(...args: string[]): Promise<Run> {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...databaseEnv };
    return new Promise((resolve) => {
      execFile(TSX, [CLI, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Checks a key on the database the CLI used (PGlite: after the CLI let go of its folder). */
  async function authenticates(key: string): Promise<boolean> {
    const database = postgres ?? (await createDb({ dataDir }));
    try {
      return (await authenticateApiKey(database.db, key)) !== undefined;
    } finally {
      if (!postgres) await database.close();
    }
  }

  it(
    'creates a key, printing only the key; lists it without the key; revokes it',
    async () => {
      const created = await cli('create', 'WooCommerce <b>shop</b>');
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(/^ck_[A-Za-z0-9_-]{43}\n$/);
      const key = created.stdout.trim();
      expect(created.stderr).toContain(key.slice(-4));
      expect(created.stderr).not.toContain(key);
      expect(await authenticates(key)).toBe(true);

      const listed = await cli('list');
      expect(listed.code).toBe(0);
      const line = listed.stdout.split('\n').find((row) => row.includes('WooCommerce <b>shop</b>'));
      expect(line).toBeDefined();
      const [id, , lastFour, , lastUsed, revoked] = line!.split('\t');
      expect(lastFour).toBe(key.slice(-4));
      expect(lastUsed).not.toBe('never');
      expect(revoked).toBe('-');
      expect(listed.stdout).not.toContain(key);

      const revokedRun = await cli('revoke', id!);
      expect(revokedRun).toMatchObject({ code: 0, stdout: `Revoked API key ${id}.\n` });
      expect(await authenticates(key)).toBe(false);
      const again = await cli('revoke', id!);
      expect(again).toMatchObject({ code: 0, stdout: `API key ${id} was already revoked.\n` });
    },
    SLOW,
  );

  it(
    'fails with a message and an exit code for bad usage, a bad name or an unknown id',
    async () => {
      for (const args of [[], ['create'], ['create', 'a', 'b'], ['delete', 'x'], ['list', 'x']]) {
        const run = await cli(...args);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('usage: npm run api-keys');
      }
      const blank = await cli('create', '   ');
      expect(blank).toMatchObject({ code: 2, stdout: '' });
      expect(blank.stderr).toContain('name: must not be empty');
      const long = await cli('create', 'x'.repeat(101));
      expect(long).toMatchObject({ code: 2, stdout: '' });
      expect(long.stderr).toContain('name: must be at most 100 characters');
      const unknown = await cli('revoke', '00000000-0000-4000-8000-000000000000');
      expect(unknown).toMatchObject({ code: 1, stdout: '' });
      expect(unknown.stderr).toContain('No API key with id 00000000-0000-4000-8000-000000000000');
    },
    SLOW,
  );
});
