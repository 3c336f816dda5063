// "Final states equal the emulator's truth": compares every order the checkout stored with what the
// emulator (playing ZaloPay) says happened, and the fulfilment outbox with the set of paid orders.
import type postgres from 'postgres';
import { z } from 'zod';
import type { EmulatorOrder } from './emulator-admin-client';

const appOrderSchema = z.object({
  app_trans_id: z.string(),
  status: z.enum(['PENDING', 'PAID', 'FAILED', 'EXPIRED']),
  zp_trans_id: z.string().nullable(),
  fulfilments: z.coerce.number(),
  fulfilments_done: z.coerce.number(),
});

export interface Mismatch {
  appTransId: string;
  emulator: string;
  app: string;
}

export interface TruthReport {
  orders: number;
  paid: number;
  /** Orders whose stored status (or zp_trans_id) differs from the emulator's. */
  mismatches: Mismatch[];
  /** Outbox rows; exactly one per PAID order is right. */
  fulfilments: number;
  fulfilmentsDone: number;
  /** Orders with more than one outbox row, or a row without being PAID. */
  wrongFulfilments: string[];
}

/** What the checkout should show for an order ZaloPay reports in this state. */
export function expectedAppStatus(order: EmulatorOrder): string {
  switch (order.status) {
    case 'paid':
      return 'PAID';
    case 'expired':
      return 'EXPIRED';
    case 'pending':
    case 'processing':
      return 'PENDING';
  }
}

export async function compareWithTruth(
  sql: postgres.Sql,
  emulatorOrders: readonly EmulatorOrder[],
): Promise<TruthReport> {
  const rows = z.array(appOrderSchema).parse(
    await sql`
      select o.app_trans_id, o.status, o.zp_trans_id,
             count(f.id) as fulfilments,
             count(f.id) filter (where f.status = 'DONE') as fulfilments_done
      from payment_orders o left join fulfilments f on f.order_id = o.id
      group by o.id`,
  );
  const truth = new Map(emulatorOrders.map((order) => [order.app_trans_id, order]));
  const mismatches: Mismatch[] = [];
  const wrongFulfilments: string[] = [];
  let paid = 0;
  let fulfilments = 0;
  let fulfilmentsDone = 0;
  for (const row of rows) {
    const emulator = truth.get(row.app_trans_id);
    const expected = emulator ? expectedAppStatus(emulator) : 'missing at the emulator';
    const zpTransIdRight = emulator?.status !== 'paid' || row.zp_trans_id === emulator.zp_trans_id;
    if (row.status !== expected || !zpTransIdRight) {
      mismatches.push({
        appTransId: row.app_trans_id,
        emulator: `${emulator?.status ?? 'missing'} ${emulator?.zp_trans_id ?? ''}`.trim(),
        app: `${row.status} ${row.zp_trans_id ?? ''}`.trim(),
      });
    }
    if (row.status === 'PAID') paid += 1;
    fulfilments += row.fulfilments;
    fulfilmentsDone += row.fulfilments_done;
    const rightCount = row.status === 'PAID' ? 1 : 0;
    if (row.fulfilments !== rightCount) wrongFulfilments.push(row.app_trans_id);
  }
  return { orders: rows.length, paid, mismatches, fulfilments, fulfilmentsDone, wrongFulfilments };
}

/** A short, readable account of a report for assertion messages and the test log. */
export function describeTruthReport(report: TruthReport): string {
  const sample = report.mismatches
    .slice(0, 5)
    .map((m) => `${m.appTransId}: emulator ${m.emulator}, app ${m.app}`)
    .join('; ');
  return (
    `${report.orders} orders, ${report.paid} paid, ${report.mismatches.length} differ from the emulator` +
    `${sample ? ` (${sample})` : ''}, ${report.fulfilments} fulfilments (${report.fulfilmentsDone} done), ` +
    `${report.wrongFulfilments.length} orders with a wrong number of fulfilments`
  );
}
