// Case 6: start-up with the embedded database, migrations included: `node --import tsx server/main.ts`
// from spawn to the first answer of GET /healthz, with a throw-away in-memory PGlite (as the e2e run
// starts it) and with an on-disk data folder that already exists (every `npm start` after the first).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../db/create-db';
import { migrate } from '../../db/migrate';
import { below, figure, type CaseResult } from './benchmark-result';
import { startChildService } from './child-service';
import { freePort } from '../testing/child-process-lifecycle';
import { summarize } from './percentiles';

export interface StartupPlan {
  runs: number;
}

async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const emulatorPort = await freePort();
  const started = performance.now();
  const service = await startChildService({
    entry: 'server/main.ts',
    env: {
      PORT: String(port),
      EMULATOR_PORT: String(emulatorPort),
      DATABASE_URL: '',
      PGLITE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  const elapsed = performance.now() - started;
  await service.stop();
  return elapsed;
}

/** The embedded database's share of start-up, measured in this process. */
async function databaseShare() {
  const opening = performance.now();
  const handle = await createDb({ dataDir: 'memory://' });
  const openMs = performance.now() - opening;
  const migrating = performance.now();
  await migrate(handle);
  const migrateMs = performance.now() - migrating;
  await handle.close();
  return { openMs, migrateMs };
}

export async function runStartup(plan: StartupPlan): Promise<CaseResult> {
  const inMemory: number[] = [];
  for (let i = 0; i < plan.runs; i += 1) inMemory.push(await timeStart('memory://'));

  const folder = await mkdtemp(path.join(os.tmpdir(), 'checkout-bench-start-'));
  const existingFolder: number[] = [];
  let firstStartMs = Number.NaN;
  try {
    firstStartMs = await timeStart(path.join(folder, 'pglite'));
    for (let i = 0; i < plan.runs; i += 1)
      existingFolder.push(await timeStart(path.join(folder, 'pglite')));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const share = await databaseShare();
  const memory = summarize(inMemory);
  const existing = summarize(existingFolder);
  return {
    id: 'startup',
    title: 'Start-up with the embedded database',
    figures: [
      figure('in-memory PGlite (memory://): p50', memory.p50, 'ms', below(2_000)),
      figure('in-memory PGlite (memory://): max', memory.max, 'ms'),
      figure('new on-disk data folder (first npm start)', firstStartMs, 'ms'),
      figure('existing on-disk data folder: p50', existing.p50, 'ms', below(2_000)),
      figure('of which: open an in-memory PGlite', share.openMs, 'ms'),
      figure('of which: apply the migrations', share.migrateMs, 'ms'),
    ],
    notes: [
      `From spawning \`node --import tsx server/main.ts\` (tsx's transform cache warm) to the first 200 from GET /healthz, polled every 5 ms; ${plan.runs} starts each. The embedded emulator, the poller and the fulfilment worker start too, as in \`npm start\`.`,
      'The "of which" rows open a PGlite and migrate it inside the benchmark process, to show the database\'s share.',
    ],
  };
}
