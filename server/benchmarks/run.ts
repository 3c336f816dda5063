// `npm run bench [-- --quick]`: measures the checkout on this machine (PostgreSQL when DATABASE_URL is set,
// PGlite otherwise) against the issue's targets and the least work that could do the same job, then
// writes docs/benchmarks.json and docs/benchmarks.md. It starts everything it needs and stops it again.
// `--only callback-ingest,startup` runs just those cases and prints their figures without writing docs;
// `--render` measures nothing: it re-renders docs/benchmarks.md from docs/benchmarks.json with the
// current notes of changes-made.ts (the figures stay those of the last run); `--profile DIR` has the
// checkout write a CPU profile there (node --cpu-prof) when it stops, to open in Chrome's DevTools.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../db/create-db';
import { migrate } from '../../db/migrate';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import { attempt } from './attempt-case';
import {
  CHECKOUT_CASES,
  profileFolder,
  selectedCases,
  shownUrl,
  type CaseId,
} from './bench-arguments';
import { createBenchDatabase } from './bench-database';
import { planFor } from './bench-plan';
import { printSelected, renderAgain, writeReport } from './bench-report';
import type { CaseResult } from './benchmark-result';
import { CHANGES_MADE, OPEN_MISSES } from './changes-made';
import type { ChildService } from './child-service';
import { runCheckoutCases, seedCheckoutCases } from './checkout-cases';
import { describeMachine, loadAverage } from './machine-info';
import { runPollerClaim } from './poller-claim-case';
import { runStartup } from './startup-case';

/** The whole run is bounded: past this, children are stopped and the run fails. */
const RUN_DEADLINE_MS = 25 * 60_000;

async function main() {
  if (process.argv.includes('--render')) return renderAgain();
  const quick = process.argv.includes('--quick');
  const only = selectedCases(process.argv);
  const profile = profileFolder(process.argv);
  const wanted = (id: CaseId) => !only || only.has(id);
  const needsCheckout = CHECKOUT_CASES.some(wanted);
  // The benchmark is a tool, not the app: like server/testing/test-database.ts it reads DATABASE_URL itself.
  const serverUrl = process.env.DATABASE_URL || undefined;
  const command = `${serverUrl ? `DATABASE_URL=${shownUrl(serverUrl)} ` : ''}npm run bench${quick ? ' -- --quick' : ''}`;
  const loadAtStart = loadAverage();
  const startedAt = new Date();
  const started = performance.now();
  const key2 = PUBLIC_SANDBOX_APPS[0]?.key2 ?? '';

  const database = await createBenchDatabase(serverUrl);
  const plan = planFor(quick, database.driver);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'checkout-bench-client-'));
  const children: ChildService[] = [];
  const deadline = setTimeout(() => {
    console.error('bench: the run took too long; stopping');
    void Promise.all(children.map((child) => child.stop())).finally(() => process.exit(1));
  }, RUN_DEADLINE_MS);
  deadline.unref();

  const cases: CaseResult[] = [];
  try {
    if (needsCheckout) {
      const apiKey = await seedCheckoutCases(database, plan, wanted);
      cases.push(
        ...(await runCheckoutCases(database, plan, {
          scratch,
          key2,
          apiKey,
          children,
          wanted,
          profile,
        })),
      );
    }

    if (wanted('poller-claim')) {
      cases.push(
        await attempt('poller-claim', 'Poller claim and sweep', async () => {
          if (database.driver === 'postgres') {
            const handle = await database.open('app');
            try {
              return await runPollerClaim(handle, plan.poller);
            } finally {
              await handle.close();
            }
          }
          const handle = await createDb({ dataDir: 'memory://' });
          try {
            await migrate(handle);
            return await runPollerClaim(handle, plan.poller);
          } finally {
            await handle.close();
          }
        }),
      );
    }
    if (wanted('startup')) {
      cases.push(
        await attempt('startup', 'Start-up with the embedded database', () =>
          runStartup(plan.startup),
        ),
      );
    }

    if (only) {
      printSelected(cases);
      return;
    }
    await writeReport({
      date: startedAt.toISOString(),
      command,
      quick,
      driver: database.driver,
      durationSeconds: (performance.now() - started) / 1000,
      machine: describeMachine(await database.version(), loadAtStart),
      cases,
      changes: CHANGES_MADE,
      openMisses: OPEN_MISSES,
    });
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
    clearTimeout(deadline);
  }
}

await main();
