// /readyz's checks: can this instance do its job right now? The database answers, every migration in
// db/migrations has been applied, and the ZaloPay API host answers HTTP at all (any status) within ~2 s.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/create-db';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { queryCount } from '../../db/query-rows';

export type ReadinessCheckName = 'database' | 'migrations' | 'gateway';

export interface CheckResult {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<ReadinessCheckName, CheckResult>;
}

export interface ReadinessDeps {
  db: Database;
  /** The ZaloPay API base URL in use (the emulator's in emulator mode). */
  gatewayUrl: string;
  gatewayTimeoutMs?: number;
  /** A reachable gateway is remembered this long, so probes do not hammer ZaloPay; default 10 s. */
  gatewayCacheMs?: number;
}

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string() })) });

/** How many migrations the code expects: the entries of drizzle-kit's journal. */
export async function expectedMigrationCount(): Promise<number> {
  const journal = await readFile(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8');
  return journalSchema.parse(JSON.parse(journal)).entries.length;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'failed';
}

export function createReadinessCheck(deps: ReadinessDeps): () => Promise<Readiness> {
  const timeoutMs = deps.gatewayTimeoutMs ?? 2_000;
  const cacheMs = deps.gatewayCacheMs ?? 10_000;
  let gatewayOkUntil = 0;
  const expected = expectedMigrationCount();

  async function database(): Promise<CheckResult> {
    await deps.db.execute(sql`select 1`);
    return { ok: true, detail: 'answers' };
  }

  async function migrations(): Promise<CheckResult> {
    // drizzle's migrator records each applied migration in drizzle.__drizzle_migrations.
    const applied = await queryCount(
      deps.db,
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    const wanted = await expected;
    return applied >= wanted
      ? { ok: true, detail: `${applied} of ${wanted} applied` }
      : { ok: false, detail: `${applied} of ${wanted} applied` };
  }

  async function gateway(): Promise<CheckResult> {
    if (Date.now() < gatewayOkUntil) return { ok: true, detail: 'answered recently' };
    const response = await fetch(deps.gatewayUrl, {
      method: 'GET',
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    await response.body?.cancel();
    gatewayOkUntil = Date.now() + cacheMs;
    return { ok: true, detail: `answered HTTP ${response.status}` };
  }

  const settle = (check: () => Promise<CheckResult>) =>
    check().catch((error: unknown): CheckResult => ({ ok: false, detail: messageOf(error) }));

  return async () => {
    const [db, migrated, zalopay] = await Promise.all([
      settle(database),
      settle(migrations),
      settle(gateway),
    ]);
    const checks = { database: db, migrations: migrated, gateway: zalopay };
    return { ready: db.ok && migrated.ok && zalopay.ok, checks };
  };
}
