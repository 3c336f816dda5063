// A new payment attempt (a ZaloPay order of a merchant order) and its 'created' ledger row, written in the
// caller's transaction before ZaloPay is asked for the order (docs/design.md §2.1).
import type { Transaction } from '../../db/create-db';
import { paymentEvents, paymentOrders, type PaymentOrder } from '../../db/schema';

export interface NewAttempt {
  appTransId: string;
  shopOrderId: string;
  attempt: number;
  appId: number;
  appUser: string;
  amount: number;
  description: string;
  /** The exact strings that are signed and sent, so a resubmission signs the same bytes. */
  item: string;
  embedData: string;
  appTime: number;
  idempotencyKey: string | null;
  expiresAt: Date;
  nextPollAt: Date;
  now: Date;
}

/** The stored attempt, or undefined when its idempotency key is already taken (nothing is written then). */
export async function recordNewAttempt(
  tx: Transaction,
  attempt: NewAttempt,
): Promise<PaymentOrder | undefined> {
  const { now, ...fields } = attempt;
  const [row] = await tx
    .insert(paymentOrders)
    .values({ ...fields, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: paymentOrders.idempotencyKey })
    .returning();
  if (!row) return undefined;
  await tx.insert(paymentEvents).values({
    orderId: row.id,
    kind: 'created',
    payload: {
      shopOrderId: row.shopOrderId,
      attempt: row.attempt,
      amount: row.amount,
      appTime: row.appTime,
      expiresAt: row.expiresAt.toISOString(),
    },
    createdAt: now,
  });
  return row;
}
