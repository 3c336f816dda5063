// The payment_attempts rename (decision 032) on a database that already holds orders: migrated to the
// migration before it, filled through the old names, then migrated on, and read back through the new ones.
// On PGlite always, and on PostgreSQL when DATABASE_URL (or TEST_DATABASE_URL) names a server.
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBeforeMigration } from '../server/testing/database-before-migration';
import { testDatabaseDrivers } from '../server/testing/test-database';
import type { DatabaseHandle } from './create-db';
import { migrate } from './migrate';
import { fulfilments, paymentAttempts, paymentEvents, refunds, merchantOrders } from './schema';

describe.each(testDatabaseDrivers())(
  'the payment_attempts rename over existing orders (%s)',
  (driver) => {
    let handle: DatabaseHandle;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ handle, drop } = await databaseBeforeMigration(driver, '0009'));

      await handle.db.execute(sql`
      insert into shop_orders (id, lines, total, description, status, attempts)
      values ('ord_renamed', '[{"sku":null,"nameVi":"Cà phê","nameEn":"Coffee","unitPrice":30000,"quantity":1}]',
        30000, 'Coffee', 'PAID', 2)`);
      const attempt = (n: number, status: string) => sql`
      insert into payment_orders (app_trans_id, shop_order_id, attempt, app_id, app_user, amount, description,
        item, embed_data, app_time, status, zp_trans_id, paid_at, paid_via, expires_at, next_poll_at)
      values (${`261204_ord_renamed_${n}`}, 'ord_renamed', ${n}, 2553, 'demo', 30000, 'Coffee', '[]', '{}', 0,
        ${status}::payment_status, ${status === 'PAID' ? `zp-${n}` : null},
        ${status === 'PAID' ? '2026-12-04T03:00:00Z' : null}::timestamptz,
        ${status === 'PAID' ? 'callback' : null}::paid_via, now(), now())`;
      await handle.db.execute(attempt(1, 'EXPIRED'));
      await handle.db.execute(attempt(2, 'PAID'));
      await handle.db.execute(sql`
      update shop_orders set paid_attempt_id = (select id from payment_orders where attempt = 2),
        paid_at = '2026-12-04T03:00:00Z' where id = 'ord_renamed'`);
      await handle.db.execute(sql`
      insert into payment_events (order_id, kind, payload)
      select id, 'created', jsonb_build_object('attempt', attempt) from payment_orders order by attempt`);
      await handle.db.execute(sql`
      insert into fulfilments (order_id, shop_order_id, idempotency_key)
      select id, shop_order_id, shop_order_id from payment_orders where status = 'PAID'`);
      await handle.db.execute(sql`
      insert into refunds (order_id, m_refund_id, kind, amount, description, state, requested_at_ms)
      select id, '261204_2553_r1', 'operator', 10000, 'part', 'SUCCEEDED', 0
      from payment_orders where status = 'PAID'`);

      await migrate(handle);
    });
    afterAll(async () => {
      await drop?.();
    });

    it('keeps every attempt, and the order, ledger, fulfilment and refund still point at them', async () => {
      const attempts = await handle.db
        .select()
        .from(paymentAttempts)
        .orderBy(asc(paymentAttempts.attempt));
      expect(attempts.map((a) => [a.appTransId, a.attempt, a.status, a.zpTransId])).toEqual([
        ['261204_ord_renamed_1', 1, 'EXPIRED', null],
        ['261204_ord_renamed_2', 2, 'PAID', 'zp-2'],
      ]);
      const paid = attempts[1]!;
      const [order] = await handle.db
        .select()
        .from(merchantOrders)
        .where(eq(merchantOrders.id, 'ord_renamed'));
      expect(order).toMatchObject({ status: 'PAID', attempts: 2, paidAttemptId: paid.id });
      const ledger = await handle.db.select().from(paymentEvents).orderBy(asc(paymentEvents.id));
      expect(ledger.map((row) => [row.orderId, row.kind])).toEqual([
        [attempts[0]!.id, 'created'],
        [paid.id, 'created'],
      ]);
      const [fulfilment] = await handle.db.select().from(fulfilments);
      expect(fulfilment).toMatchObject({ orderId: paid.id, shopOrderId: 'ord_renamed' });
      const [refund] = await handle.db.select().from(refunds);
      expect(refund).toMatchObject({ orderId: paid.id, amount: 10_000, state: 'SUCCEEDED' });
    });

    it('leaves no table, index or constraint named after payment_orders', async () => {
      const result = await handle.db.execute<{ name: string }>(sql`
      select relname::text as name from pg_class where relname::text like '%payment\_orders%'
      union all
      select conname::text from pg_constraint where conname::text like '%payment\_orders%'`);
      const rows = Array.isArray(result) ? result : (result as { rows: { name: string }[] }).rows;
      expect(rows).toEqual([]);
    });

    it('still holds the foreign keys: a ledger row for a missing attempt is refused', async () => {
      await expect(
        handle.db.insert(paymentEvents).values({
          orderId: '00000000-0000-4000-8000-000000000000',
          kind: 'created',
          payload: {},
        }),
      ).rejects.toThrow();
    });
  },
);
