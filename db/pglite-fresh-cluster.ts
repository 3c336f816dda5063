// A brand-new PGlite database first runs initdb: seconds of WebAssembly work, most of a cold start.
// Every new database is the same empty cluster, so the first one is saved (per PGlite version, in
// node_modules/.cache) and later ones start from that copy instead; a cache that cannot be written is skipped.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';

const packageSchema = z.object({ name: z.literal('@electric-sql/pglite'), version: z.string() });

/** Where this install's PGlite keeps its files, and so where its cache goes: node_modules/.cache/pglite. */
async function snapshotPath(): Promise<string | undefined> {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (let depth = 0; depth < 4; depth += 1, dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const parsed = packageSchema.safeParse(JSON.parse(await readFile(manifest, 'utf8')));
    if (!parsed.success) continue;
    return path.join(
      dir,
      '..',
      '..',
      '.cache',
      'pglite',
      `fresh-cluster-${parsed.data.version}.tar`,
    );
  }
  return undefined;
}

/** Whether opening dataDir would run initdb: in memory always, on disk when the folder holds no cluster yet. */
export function needsNewCluster(dataDir: string): boolean {
  return dataDir.startsWith('memory://') || !existsSync(path.join(dataDir, 'PG_VERSION'));
}

export async function readFreshClusterSnapshot(): Promise<Blob | undefined> {
  const file = await snapshotPath().catch(() => undefined);
  if (!file || !existsSync(file)) return undefined;
  return new Blob([await readFile(file)]);
}

/** Saves a just-created, still empty cluster; written under a temporary name and renamed, so readers never see half a file. */
export async function saveFreshClusterSnapshot(client: PGlite): Promise<void> {
  try {
    const file = await snapshotPath();
    if (!file) return;
    const snapshot = await client.dumpDataDir('none');
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, Buffer.from(await snapshot.arrayBuffer()));
    await rename(partial, file);
  } catch {
    // Only a cache: without it the next new database runs initdb again.
  }
}
