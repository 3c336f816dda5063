// The fresh-cluster snapshot: a new PGlite database started from it is a working, migratable cluster,
// in memory and on disk, and an on-disk one keeps its data when reopened (no second snapshot load).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './create-db';
import { migrate } from './migrate';
import { needsNewCluster, readFreshClusterSnapshot } from './pglite-fresh-cluster';

describe('PGlite fresh-cluster snapshot', () => {
  const folder = mkdtemp(path.join(os.tmpdir(), 'pglite-snapshot-test-'));
  afterAll(async () => rm(await folder, { recursive: true, force: true }));

  it('is saved by the first new database and makes later ones working clusters', async () => {
    const first = await createDb({ dataDir: 'memory://' });
    await first.close();
    expect(await readFreshClusterSnapshot()).toBeInstanceOf(Blob);

    const second = await createDb({ dataDir: 'memory://' });
    await migrate(second);
    const rows = await second.db.execute(sql`select count(*)::int as count from payment_attempts`);
    expect(JSON.stringify(rows)).toContain('"count":0');
    await second.close();
  });

  it('starts a new on-disk folder from it, and reopens that folder as it left it', async () => {
    const dataDir = path.join(await folder, 'pglite');
    expect(needsNewCluster(dataDir)).toBe(true);
    const created = await createDb({ dataDir });
    await migrate(created);
    await created.db.execute(sql`create table kept (id int)`);
    await created.db.execute(sql`insert into kept values (7)`);
    await created.close();

    expect(needsNewCluster(dataDir)).toBe(false);
    const reopened = await createDb({ dataDir });
    const rows = await reopened.db.execute(sql`select id from kept`);
    expect(JSON.stringify(rows)).toContain('"id":7');
    await reopened.close();
  });
});
