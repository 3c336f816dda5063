// Status announcements: sent after commit, several changes to one NOTIFY, and fanned out by the feed to
// the subscribers of each order named in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../../testing/test-database';
import { silentLogger } from '../../logger';
import {
  PAYMENT_STATUS_CHANNEL,
  announceStatusChange,
  announcementsSent,
  createStatusChangeFeed,
} from './status-notifications';

async function until(done: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

describe.each(testDatabaseDrivers())('status announcements on %s', (driver) => {
  let database: TestDatabase;
  const log = silentLogger();
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.dispose());

  it('puts the changes of one turn into one NOTIFY', async () => {
    const payloads: string[] = [];
    const unlisten = await database.listen(PAYMENT_STATUS_CHANNEL, (p) => payloads.push(p));
    try {
      const ids = Array.from({ length: 5 }, (_, i) => `261121_turn${i}`);
      for (const id of ids) announceStatusChange({ db: database.db, log }, id);
      await announcementsSent(database.db);
      await until(() => payloads.length > 0);
      expect(payloads).toEqual([ids.join(' ')]);
    } finally {
      await unlisten();
    }
  });

  it('splits a long queue into payloads Postgres accepts, losing none', async () => {
    const payloads: string[] = [];
    const unlisten = await database.listen(PAYMENT_STATUS_CHANNEL, (p) => payloads.push(p));
    try {
      // 40-character ids, the longest ZaloPay allows: 600 of them are about 24,600 characters.
      const ids = Array.from({ length: 600 }, (_, i) => `261121_${String(i).padStart(33, '0')}`);
      for (const id of ids) announceStatusChange({ db: database.db, log }, id);
      await announcementsSent(database.db);
      await until(() => payloads.join(' ').split(' ').length >= ids.length);
      expect(payloads.length).toBeGreaterThan(1);
      for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
      expect(payloads.join(' ').split(' ')).toEqual(ids);
    } finally {
      await unlisten();
    }
  });

  it('wakes the subscribers of every order named in a NOTIFY, and no others', async () => {
    const feed = createStatusChangeFeed(database, log);
    const woken: string[] = [];
    try {
      for (const id of ['261121_a', '261121_b', '261121_c']) {
        await feed.subscribe(id, () => woken.push(id));
      }
      announceStatusChange({ db: database.db, log }, '261121_a');
      announceStatusChange({ db: database.db, log }, '261121_c');
      await announcementsSent(database.db);
      await until(() => woken.length >= 2);
      expect(woken.sort()).toEqual(['261121_a', '261121_c']);
    } finally {
      await feed.close();
    }
  });
});
