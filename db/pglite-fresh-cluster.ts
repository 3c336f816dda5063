// A brand-new PGlite database first runs initdb, then the migrations: seconds of WebAssembly work, most
// of a cold start. Every new database is the same, so the first one is saved (in node_modules/.cache,
// per PGlite version: fresh, and migrated per set of migrations) and later ones start from that copy.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';

const packageSchema = z.object({ name: z.literal('@electric-sql/pglite'), version: z.string() });

const MIGRATED_PREFIX = 'migrated-cluster-';

/** Where this install's PGlite keeps its files, and so where its cache goes: node_modules/.cache/pglite. */
async function cacheFolder(): Promise<{ dir: string; version: string } | undefined> {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (let depth = 0; depth < 4; depth += 1, dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const parsed = packageSchema.safeParse(JSON.parse(await readFile(manifest, 'utf8')));
    if (!parsed.success) continue;
    return { dir: path.join(dir, '..', '..', '.cache', 'pglite'), version: parsed.data.version };
  }
  return undefined;
}

/** The snapshot file for a kind of cluster: 'fresh-cluster', or the migrated one of a set of migrations. */
async function snapshotPath(kind: string): Promise<string | undefined> {
  const cache = await cacheFolder().catch(() => undefined);
  return cache && path.join(cache.dir, `${kind}-${cache.version}.tar`);
}

/** Bytes already in memory as a Blob: PGlite reads its tarball with arrayBuffer(), which for a plain
 * Blob copies the 40 MB through a stream (~150 ms); this one hands them over as they are. */
class BytesBlob extends Blob {
  readonly #contents: ArrayBuffer;
  constructor(contents: ArrayBuffer) {
    super();
    this.#contents = contents;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#contents);
  }
}

async function readSnapshot(kind: string): Promise<Blob | undefined> {
  const file = await snapshotPath(kind);
  if (!file || !existsSync(file)) return undefined;
  // Another process may be replacing it: without it, the slower way is taken.
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return new BytesBlob(
    whole
      ? bytes.buffer
      : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
}

/** Written under a temporary name and renamed, so readers never see half a file; a cache that cannot be written is skipped. */
async function saveSnapshot(client: PGlite, kind: string): Promise<string | undefined> {
  try {
    const file = await snapshotPath(kind);
    if (!file) return undefined;
    const snapshot = await client.dumpDataDir('none');
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, Buffer.from(await snapshot.arrayBuffer()));
    await rename(partial, file);
    return file;
  } catch {
    // Only a cache: without it the next new database does this work again.
    return undefined;
  }
}

/** Migrated snapshots of older migrations (40 MB each) are never read again. */
async function removeOtherMigratedSnapshots(kept: string): Promise<void> {
  const dir = path.dirname(kept);
  const names = await readdir(dir).catch(() => []);
  const stale = names.filter(
    (name) =>
      name.startsWith(MIGRATED_PREFIX) && name.endsWith('.tar') && name !== path.basename(kept),
  );
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
}

/** Whether opening dataDir would run initdb: in memory always, on disk when the folder holds no cluster yet. */
export function needsNewCluster(dataDir: string): boolean {
  return dataDir.startsWith('memory://') || !existsSync(path.join(dataDir, 'PG_VERSION'));
}

export function readFreshClusterSnapshot(): Promise<Blob | undefined> {
  return readSnapshot('fresh-cluster');
}

export interface ClusterMigrations {
  /** Changes whenever the migrations do; names the migrated snapshot. */
  fingerprint: string;
  apply(client: PGlite): Promise<void>;
}

/** A new cluster in dataDir with the migrations applied: from the migrated snapshot when these migrations
 * have one, else from the fresh one (or initdb), migrated, and saved as the migrated snapshot. */
export async function createMigratedCluster(
  dataDir: string,
  migrations: ClusterMigrations,
): Promise<PGlite> {
  const migratedKind = `${MIGRATED_PREFIX}${migrations.fingerprint}`;
  const migrated = await readSnapshot(migratedKind);
  if (migrated) return PGlite.create(dataDir, { loadDataDir: migrated });

  const fresh = await readFreshClusterSnapshot();
  const client = await PGlite.create(dataDir, fresh ? { loadDataDir: fresh } : {});
  try {
    if (!fresh) await saveSnapshot(client, 'fresh-cluster');
    await migrations.apply(client);
    // Written out, so a database started from the snapshot has nothing to replay.
    await client.exec('CHECKPOINT');
    const saved = await saveSnapshot(client, migratedKind);
    if (saved) await removeOtherMigratedSnapshots(saved);
    return client;
  } catch (error) {
    await client.close();
    throw error;
  }
}
