// Test support: ZaloPay payment callbacks for our own orders, signed exactly as ZaloPay signs them,
// and a look at what the database holds, to prove that a flood of inputs changed only what it should.
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/create-db';
import { fulfilments, paymentEvents, paymentAttempts } from '../../db/schema';
import { SANDBOX_APP } from './service-harness';
import { signCallbackBody } from '../zalopay';

export interface PaidOrder {
  appTransId: string;
  amount: number;
  /** ZaloPay's transaction id: a 15-digit number on the wire. */
  zpTransId: number;
}

/** The fields of `data` in the order real callbacks carry them (docs/zalopay-protocol.md §5.3). */
export function callbackData({ appTransId, amount, zpTransId }: PaidOrder) {
  return {
    app_id: SANDBOX_APP.appId,
    app_trans_id: appTransId,
    app_time: Date.now(),
    app_user: 'zalopay-checkout',
    amount,
    embed_data: '{}',
    item: '[]',
    zp_trans_id: zpTransId,
    server_time: Date.now(),
    channel: 38,
    merchant_user_id: 'Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA',
    zp_user_id: 'Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA',
    user_fee_amount: 0,
    discount_amount: 0,
  };
}

/** The exact body ZaloPay would POST for this payment, MAC by key2 (or another key, for forgeries). */
export function paymentCallbackBody(order: PaidOrder, key = SANDBOX_APP.key2): string {
  return signCallbackBody(callbackData(order), key);
}

export interface DatabaseSnapshot {
  orders: number;
  events: number;
  fulfilments: number;
  statuses: Record<string, string>;
  flagged: number;
}

export async function snapshotOf(db: Database): Promise<DatabaseSnapshot> {
  const rows = await db
    .select({
      appTransId: paymentAttempts.appTransId,
      status: paymentAttempts.status,
      late: paymentAttempts.lateFlag,
      mismatch: paymentAttempts.amountMismatchFlag,
    })
    .from(paymentAttempts);
  const [events] = await db.select({ n: count() }).from(paymentEvents);
  const [outbox] = await db.select({ n: count() }).from(fulfilments);
  return {
    orders: rows.length,
    events: events?.n ?? 0,
    fulfilments: outbox?.n ?? 0,
    statuses: Object.fromEntries(rows.map((row) => [row.appTransId, row.status])),
    flagged: rows.filter((row) => row.late || row.mismatch).length,
  };
}

const ledgerPayloadSchema = z.looseObject({ effect: z.string().default('none') });

/** The ledger's effects for one order, oldest first ('PENDING->PAID', 'none', ...). */
export async function effectsOf(db: Database, orderId: string): Promise<string[]> {
  const events = await db
    .select({ payload: paymentEvents.payload })
    .from(paymentEvents)
    .where(eq(paymentEvents.orderId, orderId))
    .orderBy(paymentEvents.id);
  return events.map(({ payload }) => ledgerPayloadSchema.parse(payload).effect);
}
