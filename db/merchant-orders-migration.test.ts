// Migration 0002 on a database that already took payments: every existing payment becomes attempt 1 of a
// one-off merchant order of its own amount, keyed by its app_trans_id, with the status its history implies.
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBeforeMigration } from '../server/testing/database-before-migration';
import type { DatabaseHandle } from './create-db';
import { migrate } from './migrate';
import { fulfilments, paymentAttempts, products, merchantOrders } from './schema';

describe('migration 0002 (merchant orders) over existing payments', () => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, drop } = await databaseBeforeMigration('pglite', '0002'));
    const legacy = (appTransId: string, status: string, amount: number) => sql`
      insert into payment_orders (app_trans_id, app_id, app_user, amount, description, item, embed_data,
        app_time, status, zp_trans_id, paid_at, expires_at, next_poll_at)
      values (${appTransId}, 2553, 'demo', ${amount}, ${`Order ${appTransId}`}, '[]', '{}', 0,
        ${status}::payment_status, ${status === 'PAID' ? `zp-${appTransId}` : null},
        ${status === 'PAID' ? '2026-11-20T03:00:00Z' : null}::timestamptz, now(), now())`;
    await handle.db.execute(legacy('261120_pending', 'PENDING', 10_000));
    await handle.db.execute(legacy('261120_expired', 'EXPIRED', 20_000));
    await handle.db.execute(legacy('261120_paid', 'PAID', 30_000));
    await handle.db.execute(legacy('261120_fulfilled', 'PAID', 40_000));
    await handle.db.execute(legacy('261120_refunded', 'PAID', 50_000));
    await handle.db.execute(sql`
      insert into fulfilments (order_id, idempotency_key, status, done_at)
      select id, app_trans_id, (case when app_trans_id = '261120_fulfilled' then 'DONE' else 'PENDING' end)::fulfilment_status,
        case when app_trans_id = '261120_fulfilled' then '2026-11-20T03:05:00Z'::timestamptz end
      from payment_orders where status = 'PAID'`);
    await handle.db.execute(sql`
      insert into refunds (order_id, m_refund_id, amount, description, state, requested_at_ms)
      select id, '261120_2553_r1', 20000, 'part', 'SUCCEEDED', 0 from payment_orders where app_trans_id = '261120_refunded'`);
    await migrate(handle);
  });
  afterAll(async () => {
    await drop?.();
  });

  it('gives every payment a one-off merchant order of its own amount and history', async () => {
    const orders = await handle.db.select().from(merchantOrders).orderBy(asc(merchantOrders.id));
    expect(
      orders.map((o) => [
        o.id,
        o.status,
        o.total,
        o.attempts,
        o.refundedAmount,
        o.fulfilledAt !== null,
      ]),
    ).toEqual([
      ['261120_expired', 'AWAITING_PAYMENT', 20_000, 1, 0, false],
      ['261120_fulfilled', 'FULFILLED', 40_000, 1, 0, true],
      ['261120_paid', 'PAID', 30_000, 1, 0, false],
      ['261120_pending', 'AWAITING_PAYMENT', 10_000, 1, 0, false],
      ['261120_refunded', 'PARTIALLY_REFUNDED', 50_000, 1, 20_000, false],
    ]);
    expect(orders.find((o) => o.id === '261120_paid')?.lines).toEqual([
      {
        sku: null,
        nameVi: 'Order 261120_paid',
        nameEn: 'Order 261120_paid',
        unitPrice: 30_000,
        quantity: 1,
      },
    ]);
  });

  it('makes each payment attempt 1 of its order, and keys fulfilments by the order', async () => {
    const attempts = await handle.db.select().from(paymentAttempts);
    expect(attempts).toHaveLength(5);
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ shopOrderId: attempt.appTransId, attempt: 1 });
    }
    const paid = await handle.db.select().from(merchantOrders);
    for (const order of paid.filter((o) => o.status !== 'AWAITING_PAYMENT')) {
      expect(attempts.find((a) => a.id === order.paidAttemptId)?.appTransId).toBe(order.id);
    }
    const outbox = await handle.db.select().from(fulfilments);
    expect(outbox.map((row) => row.shopOrderId).sort()).toEqual([
      '261120_fulfilled',
      '261120_paid',
      '261120_refunded',
    ]);
  });

  it('seeds the demo café, and seeding again changes nothing', async () => {
    await handle.db
      .update(products)
      .set({ unitPrice: 36_000 })
      .where(sql`sku = 'ca-phe-sua-da'`);
    await migrate(handle);
    const rows = await handle.db.select().from(products).orderBy(asc(products.createdAt));
    expect(rows.map((p) => [p.sku, p.unitPrice])).toEqual([
      ['ca-phe-sua-da', 36_000],
      ['banh-mi', 30_000],
      ['banh-flan', 25_000],
    ]);
  });
});
