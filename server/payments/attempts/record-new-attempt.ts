// A new payment attempt (a ZaloPay order of a merchant order) and its 'created' ledger row, written in the
// caller's transaction before ZaloPay is asked for the order (docs/design.md §2.1). The columns and the
// ledger payload are defined here once: the one-statement claim of a next attempt writes the same ones.
import type { Transaction } from '../../../db/create-db';
import { paymentEvents, paymentAttempts, type PaymentAttempt } from '../../../db/schema';

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

/** The stored columns of a new attempt, by their drizzle names. */
export function newAttemptColumns(attempt: NewAttempt) {
  const { now, ...fields } = attempt;
  return { ...fields, createdAt: now, updatedAt: now };
}

export type NewAttemptColumns = ReturnType<typeof newAttemptColumns>;

/** The names of those columns, in one list a statement can be built from (the compiler checks it is whole). */
export const NEW_ATTEMPT_COLUMN_NAMES = Object.keys({
  appTransId: true,
  shopOrderId: true,
  attempt: true,
  appId: true,
  appUser: true,
  amount: true,
  description: true,
  item: true,
  embedData: true,
  appTime: true,
  idempotencyKey: true,
  expiresAt: true,
  nextPollAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Record<keyof NewAttemptColumns, true>) as (keyof NewAttemptColumns)[];

/** The payload of the attempt's 'created' ledger row. */
export function createdEventPayload(attempt: NewAttempt) {
  return {
    shopOrderId: attempt.shopOrderId,
    attempt: attempt.attempt,
    amount: attempt.amount,
    appTime: attempt.appTime,
    expiresAt: attempt.expiresAt.toISOString(),
  };
}

/** The stored attempt, or undefined when its idempotency key is already taken (nothing is written then). */
export async function recordNewAttempt(
  tx: Transaction,
  attempt: NewAttempt,
): Promise<PaymentAttempt | undefined> {
  const [row] = await tx
    .insert(paymentAttempts)
    .values(newAttemptColumns(attempt))
    .onConflictDoNothing({ target: paymentAttempts.idempotencyKey })
    .returning();
  if (!row) return undefined;
  await tx.insert(paymentEvents).values({
    orderId: row.id,
    kind: 'created',
    payload: createdEventPayload(attempt),
    createdAt: attempt.now,
  });
  return row;
}
