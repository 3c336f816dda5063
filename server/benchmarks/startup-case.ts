// Case 6: start-up with the embedded database, migrations included: the built server `npm start` runs, from
// spawn to the first 200 of GET /healthz, in-memory PGlite (as in e2e) and an existing on-disk data folder.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDb } from '../../db/create-db';
import { migrate } from '../../db/migrate';
import { below, figure, type CaseResult } from './benchmark-result';
import { startChildService } from './child-service';
import { freePort } from '../testing/child-process-lifecycle';
import { summarize } from './percentiles';

export interface StartupPlan {
  runs: number;
}

/** Builds the server as `npm run build:server` does, into a dist/ folder of the case's own (so a running
 * `npm start` keeps its dist/server); at the same depth, it finds dist/client as dist/server/main.js does. */
async function buildServer(): Promise<string> {
  await mkdir('dist', { recursive: true });
  const outDir = await mkdtemp(path.join('dist', 'startup-bench-'));
  await promisify(execFile)(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'server/build/vite.config.ts',
      '--outDir',
      outDir,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return outDir;
}

async function timeStart(entry: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const emulatorPort = await freePort();
  const started = performance.now();
  const service = await startChildService({
    entry,
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
  const build = await buildServer();
  const entry = path.join(build, 'main.js');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'checkout-bench-start-'));
  const inMemory: number[] = [];
  const existingFolder: number[] = [];
  let firstStartMs = Number.NaN;
  try {
    for (let i = 0; i < plan.runs; i += 1) inMemory.push(await timeStart(entry, 'memory://'));
    firstStartMs = await timeStart(entry, path.join(folder, 'pglite'));
    for (let i = 0; i < plan.runs; i += 1)
      existingFolder.push(await timeStart(entry, path.join(folder, 'pglite')));
  } finally {
    await rm(folder, { recursive: true, force: true });
    await rm(build, { recursive: true, force: true });
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
      figure('of which: open a new in-memory PGlite (migrated snapshot)', share.openMs, 'ms'),
      figure('of which: check the migrations (all applied)', share.migrateMs, 'ms'),
    ],
    notes: [
      `From spawning \`node dist/server/main.js\` (the server \`npm start\` builds and runs; built once before the runs) to the first 200 from GET /healthz, polled every 5 ms; ${plan.runs} starts each. The embedded emulator, the poller and the fulfilment worker start too, as in \`npm start\`.`,
      'The "of which" rows open a PGlite and migrate it inside the benchmark process, to show the database\'s share. A new PGlite database starts from a snapshot of a migrated one (node_modules/.cache/pglite), so its migrations are one check.',
    ],
  };
}
