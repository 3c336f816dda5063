// The merchant_orders rename (decision 035) on a database that already holds orders: migrated to the
// migration before it, filled through the old names (shop_orders, shop_order_id, the refund kind
// double_payment), then migrated on, and read back through the new ones. On PGlite always, and on
// PostgreSQL when DATABASE_URL (or TEST_DATABASE_URL) names a server.
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { databaseBeforeMigration } from '../server/testing/database-before-migration';
import { testDatabaseDrivers } from '../server/testing/test-database';
import type { DatabaseHandle } from './create-db';
import { migrate } from './migrate';
import { queryRows } from './query-rows';
import { fulfilments, merchantOrders, paymentAttempts, refunds, webhookEvents } from './schema';

describe.each(testDatabaseDrivers())(
  'the merchant_orders rename over existing orders (%s)',
  (driver) => {
    let handle: DatabaseHandle;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ handle, drop } = await databaseBeforeMigration(driver, '0010'));

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
      const kinds = await queryRows(
        handle.db,
        sql`select unnest(enum_range(null::refund_kind))::text as value`,
        z.object({ value: z.string() }),
      );
      expect(kinds.map((row) => row.value)).toEqual(['operator', 'extra_payment']);
    });

    it('leaves no table, column, type, index or constraint named after shop orders', async () => {
      const names = await queryRows(
        handle.db,
        sql`
      select relname::text as name from pg_class where relname::text like '%shop\_order%'
      union all select conname::text from pg_constraint where conname::text like '%shop\_order%'
      union all select typname::text from pg_type where typname::text like '%shop\_order%'
      union all select column_name::text from information_schema.columns
        where table_schema = 'public' and column_name::text like '%shop\_order%'`,
        z.object({ name: z.string() }),
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
