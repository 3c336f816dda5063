// The merchant orders the emulator's truth says were paid (at least one attempt paid), by reference: the
// key the fulfilment hook receives, so "fulfilled once" can be checked against what the hook saw.
import type postgres from 'postgres';
import { z } from 'zod';
import type { EmulatorOrder } from '../emulator/admin/admin-client';

const rowSchema = z.object({ merchant_order_id: z.string() });

export async function paidMerchantOrderIds(
  sql: postgres.Sql,
  truth: readonly EmulatorOrder[],
): Promise<Set<string>> {
  const paid = truth.filter((order) => order.status === 'paid').map((order) => order.app_trans_id);
  const rows = z
    .array(rowSchema)
    .parse(
      await sql`select distinct merchant_order_id from payment_attempts where app_trans_id = any(${paid})`,
    );
  return new Set(rows.map((row) => row.merchant_order_id));
}
