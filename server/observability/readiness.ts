// /readyz's checks: can this instance do its job right now? The database answers, every migration in
// db/migrations has been applied (as db/migrate.ts judges it at start), and the ZaloPay API host answers
// HTTP at all (any status) within ~2 s. GET /readyz itself is in probe-routes.ts.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { migrationsApplied } from '../../db/migrate';

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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'failed';
}

export function createReadinessCheck(deps: ReadinessDeps): () => Promise<Readiness> {
  const timeoutMs = deps.gatewayTimeoutMs ?? 2_000;
  const cacheMs = deps.gatewayCacheMs ?? 10_000;
  let gatewayOkUntil = 0;

  async function database(): Promise<CheckResult> {
    await deps.db.execute(sql`select 1`);
    return { ok: true, detail: 'answers' };
  }

  async function migrations(): Promise<CheckResult> {
    const { applied, expected } = await migrationsApplied(deps.db);
    return { ok: applied === expected, detail: `${applied} of ${expected} applied` };
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
