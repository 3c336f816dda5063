// The merchant_orders rename (decision 035) on a database that already holds orders: migrated to the
// migration before it, filled through the old names (shop_orders, shop_order_id, the refund kind
// double_payment), then migrated on, and read back through the new ones. On PGlite always, and on
// PostgreSQL when DATABASE_URL (or TEST_DATABASE_URL) names a server.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { asc, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseDrivers } from '../server/testing/test-database';
import { createDb, type DatabaseDriver, type DatabaseHandle } from './create-db';
import { MIGRATIONS_FOLDER, migrate } from './migrate';
import { readFreshClusterSnapshot } from './pglite-fresh-cluster';
import * as schema from './schema';
import { fulfilments, merchantOrders, paymentAttempts, refunds, webhookEvents } from './schema';

interface Journal {
  entries: Array<{ tag: string }>;
}

/** A copy of the migrations folder whose journal stops before the rename: the schema as it was. */
async function migrationsBeforeRename(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'migrations-before-merchant-orders-'));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as Journal;
  // 0002_merchant_orders made the table; the rename is the later migration of that name.
  const at = journal.entries.findLastIndex((entry) => entry.tag.endsWith('_merchant_orders'));
  if (at <= 2) throw new Error('no rename migration *_merchant_orders after 0002 in the journal');
  journal.entries = journal.entries.slice(0, at);
  await writeFile(journalPath, JSON.stringify(journal));
  return folder;
}

/** An empty database of the driver (createDb migrates nothing by itself), and how to drop it. */
async function emptyDatabase(
  driver: DatabaseDriver,
): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    // createDb's PGlite may start from a migrated cluster snapshot: this one starts empty.
    const fresh = await readFreshClusterSnapshot();
    const client = await PGlite.create(fresh ? { loadDataDir: fresh } : {});
    const handle: DatabaseHandle = {
      db: drizzle({ client, schema }),
      driver: 'pglite',
      listen: () => Promise.reject(new Error('not used here')),
      close: () => client.close(),
    };
    return { handle, drop: () => handle.close() };
  }
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) throw new Error('the postgres driver needs DATABASE_URL');
  const name = `checkout_rename_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.href, maxConnections: 2 });
  return {
    handle,
    async drop() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

describe.each(testDatabaseDrivers())(
  'the merchant_orders rename over existing orders (%s)',
  (driver) => {
    let handle: DatabaseHandle;
    let drop: () => Promise<void>;
    let oldMigrations: string;
    beforeAll(async () => {
      ({ handle, drop } = await emptyDatabase(driver));
      oldMigrations = await migrationsBeforeRename();
      const config = { migrationsFolder: oldMigrations };
      if (driver === 'pglite') await migratePglite(handle.db as never, config);
      else await migratePostgres(handle.db as never, config);

      // A merchant order paid on attempt 2, then paid again on attempt 1: the extra payment is refunded.
      await handle.db.execute(sql`
      insert into shop_orders (id, lines, total, description, status, attempts, paid_at)
      values ('ord_twice', '[{"sku":null,"nameVi":"Cà phê","nameEn":"Coffee","unitPrice":30000,"quantity":1}]',
        30000, 'Coffee', 'PAID'::shop_order_status, 2, '2026-12-04T03:00:00Z')`);
      const attempt = (n: number) => sql`
      insert into payment_attempts (app_trans_id, shop_order_id, attempt, app_id, app_user, amount, description,
        item, embed_data, app_time, status, zp_trans_id, paid_at, paid_via, expires_at, next_poll_at)
      values (${`261204_ord_twice_${n}`}, 'ord_twice', ${n}, 2553, 'demo', 30000, 'Coffee', '[]', '{}', 0,
        'PAID', ${`zp-${n}`}, '2026-12-04T03:00:00Z', 'callback', now(), now())`;
      await handle.db.execute(attempt(1));
      await handle.db.execute(attempt(2));
      await handle.db.execute(sql`
      update shop_orders set paid_attempt_id = (select id from payment_attempts where attempt = 2)
      where id = 'ord_twice'`);
      await handle.db.execute(sql`
      insert into fulfilments (order_id, shop_order_id, idempotency_key)
      select id, shop_order_id, shop_order_id from payment_attempts where attempt = 2`);
      await handle.db.execute(sql`
      insert into refunds (order_id, m_refund_id, kind, amount, description, state, requested_at_ms)
      select id, '261204_2553_r1', 'double_payment', 30000, 'extra', 'PENDING', 0
      from payment_attempts where attempt = 1`);
      await handle.db.execute(sql`
      insert into webhook_events (id, shop_order_id, type, payload)
      values ('evt_twice_1', 'ord_twice', 'order.paid', '{}')`);

      await migrate(handle);
    });
    afterAll(async () => {
      await drop?.();
      await rm(oldMigrations, { recursive: true, force: true });
    });

    it('keeps the order, its attempts, fulfilment and webhook event under the new names', async () => {
      const [order] = await handle.db
        .select()
        .from(merchantOrders)
        .where(eq(merchantOrders.id, 'ord_twice'));
      const attempts = await handle.db
        .select()
        .from(paymentAttempts)
        .orderBy(asc(paymentAttempts.attempt));
      expect(attempts.map((a) => [a.shopOrderId, a.attempt, a.status])).toEqual([
        ['ord_twice', 1, 'PAID'],
        ['ord_twice', 2, 'PAID'],
      ]);
      expect(order).toMatchObject({ status: 'PAID', attempts: 2, paidAttemptId: attempts[1]!.id });
      const [fulfilment] = await handle.db.select().from(fulfilments);
      expect(fulfilment).toMatchObject({ orderId: attempts[1]!.id, shopOrderId: 'ord_twice' });
      const [event] = await handle.db.select().from(webhookEvents);
      expect(event).toMatchObject({
        id: 'evt_twice_1',
        shopOrderId: 'ord_twice',
        type: 'order.paid',
      });
    });

    it('reads the refund of the extra payment with its new kind', async () => {
      const [refund] = await handle.db.select().from(refunds);
      expect(refund).toMatchObject({ kind: 'extra_payment', amount: 30_000, state: 'PENDING' });
      const kinds = rowsOf<{ value: string }>(
        await handle.db.execute(sql`select unnest(enum_range(null::refund_kind))::text as value`),
      );
      expect(kinds.map((row) => row.value)).toEqual(['operator', 'extra_payment']);
    });

    it('leaves no table, column, type, index or constraint named after shop orders', async () => {
      const names = rowsOf<{ name: string }>(
        await handle.db.execute(sql`
      select relname::text as name from pg_class where relname::text like '%shop\_order%'
      union all select conname::text from pg_constraint where conname::text like '%shop\_order%'
      union all select typname::text from pg_type where typname::text like '%shop\_order%'
      union all select column_name::text from information_schema.columns
        where table_schema = 'public' and column_name::text like '%shop\_order%'`),
      );
      expect(names).toEqual([]);
    });

    it('still holds the foreign keys: an attempt of a missing merchant order is refused', async () => {
      await expect(
        handle.db.execute(sql`
        insert into payment_attempts (app_trans_id, merchant_order_id, attempt, app_id, app_user, amount,
          description, item, embed_data, app_time, expires_at, next_poll_at)
        values ('261204_nosuch_1', 'nosuch', 1, 2553, 'demo', 1000, 'x', '[]', '{}', 0, now(), now())`),
      ).rejects.toThrow();
    });
  },
);
