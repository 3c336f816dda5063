// How poller instances share the PENDING orders (docs/design.md §6): one statement claims due orders with
// FOR UPDATE SKIP LOCKED and stamps a lease, so each order is queried by one instance at a time.
import { and, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/create-db';
import { paymentAttempts, type PaymentAttempt } from '../../../db/schema';

type LeaseClaim = { now: Date; leaseMs: number; owner: string; limit: number };

/** Stamps this instance's lease on up to `limit` attempts that match `due`, unleased or past their lease. */
function leaseDue(
  db: Database,
  claim: LeaseClaim,
  due: SQL | undefined,
  orderBy: AnyPgColumn,
  alsoSet: { pollAttempts?: SQL } = {},
): Promise<PaymentAttempt[]> {
  const ids = db
    .select({ id: paymentAttempts.id })
    .from(paymentAttempts)
    .where(
      and(due, or(isNull(paymentAttempts.leaseUntil), lt(paymentAttempts.leaseUntil, claim.now))),
    )
    .orderBy(orderBy)
    .limit(claim.limit)
    .for('update', { skipLocked: true });
  return db
    .update(paymentAttempts)
    .set({
      leaseUntil: new Date(claim.now.getTime() + claim.leaseMs),
      leaseOwner: claim.owner,
      ...alsoSet,
    })
    .where(inArray(paymentAttempts.id, ids))
    .returning();
}

export function claimDueOrders(db: Database, claim: LeaseClaim): Promise<PaymentAttempt[]> {
  return leaseDue(
    db,
    claim,
    and(eq(paymentAttempts.status, 'PENDING'), lte(paymentAttempts.nextPollAt, claim.now)),
    paymentAttempts.nextPollAt,
    { pollAttempts: sql`${paymentAttempts.pollAttempts} + 1` },
  );
}

/** Gives the order back with its next query time; a no-op if another instance took over the lease. */
export async function releaseLease(
  db: Database,
  release: { orderId: string; owner: string; nextPollAt: Date },
): Promise<void> {
  await db
    .update(paymentAttempts)
    .set({ nextPollAt: release.nextPollAt, leaseUntil: null, leaseOwner: null })
    .where(
      and(eq(paymentAttempts.id, release.orderId), eq(paymentAttempts.leaseOwner, release.owner)),
    );
}

/**
 * Closed attempts (FAILED, EXPIRED) due for a late-payment check (late-payment-checks.ts), claimed with the
 * same lease columns: the PENDING claim above never sees them, and they never become PENDING again.
 */
export function claimDueLateChecks(db: Database, claim: LeaseClaim): Promise<PaymentAttempt[]> {
  return leaseDue(
    db,
    claim,
    and(
      lte(paymentAttempts.nextLateCheckAt, claim.now),
      inArray(paymentAttempts.status, ['FAILED', 'EXPIRED']),
    ),
    paymentAttempts.nextLateCheckAt,
  );
}

/**
 * Gives a claimed attempt back with its next check (null: no more; none either once it is paid), counting
 * the check if it was made.
 */
export async function releaseLateCheck(
  db: Database,
  release: { orderId: string; owner: string; nextLateCheckAt: Date | null; checked: boolean },
): Promise<void> {
  await db
    .update(paymentAttempts)
    .set({
      lateChecks: sql`${paymentAttempts.lateChecks} + ${release.checked ? 1 : 0}`,
      nextLateCheckAt: sql`case when ${paymentAttempts.status} = 'PAID' then null
        else ${release.nextLateCheckAt?.toISOString() ?? null}::timestamptz end`,
      leaseUntil: null,
      leaseOwner: null,
    })
    .where(
      and(eq(paymentAttempts.id, release.orderId), eq(paymentAttempts.leaseOwner, release.owner)),
    );
}
