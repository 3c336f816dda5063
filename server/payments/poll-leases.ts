// How poller instances share the PENDING orders (docs/design.md §6): one statement claims due orders with
// FOR UPDATE SKIP LOCKED and stamps a lease, so each order is queried by one instance at a time.
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { paymentOrders, type PaymentOrder } from '../../db/schema';

export async function claimDueOrders(
  db: Database,
  claim: { now: Date; leaseMs: number; owner: string; limit: number },
): Promise<PaymentOrder[]> {
  const due = db
    .select({ id: paymentOrders.id })
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.status, 'PENDING'),
        lte(paymentOrders.nextPollAt, claim.now),
        or(isNull(paymentOrders.leaseUntil), lt(paymentOrders.leaseUntil, claim.now)),
      ),
    )
    .orderBy(paymentOrders.nextPollAt)
    .limit(claim.limit)
    .for('update', { skipLocked: true });

  return db
    .update(paymentOrders)
    .set({
      leaseUntil: new Date(claim.now.getTime() + claim.leaseMs),
      leaseOwner: claim.owner,
      pollAttempts: sql`${paymentOrders.pollAttempts} + 1`,
    })
    .where(inArray(paymentOrders.id, due))
    .returning();
}

/** Gives the order back with its next query time; a no-op if another instance took over the lease. */
export async function releaseLease(
  db: Database,
  release: { orderId: string; owner: string; nextPollAt: Date },
): Promise<void> {
  await db
    .update(paymentOrders)
    .set({ nextPollAt: release.nextPollAt, leaseUntil: null, leaseOwner: null })
    .where(and(eq(paymentOrders.id, release.orderId), eq(paymentOrders.leaseOwner, release.owner)));
}

/**
 * Closed attempts (FAILED, EXPIRED) due for a late-payment check (late-payment-checks.ts), claimed with the
 * same lease columns: the PENDING claim above never sees them, and they never become PENDING again.
 */
export async function claimDueLateChecks(
  db: Database,
  claim: { now: Date; leaseMs: number; owner: string; limit: number },
): Promise<PaymentOrder[]> {
  const due = db
    .select({ id: paymentOrders.id })
    .from(paymentOrders)
    .where(
      and(
        lte(paymentOrders.nextLateCheckAt, claim.now),
        inArray(paymentOrders.status, ['FAILED', 'EXPIRED']),
        or(isNull(paymentOrders.leaseUntil), lt(paymentOrders.leaseUntil, claim.now)),
      ),
    )
    .orderBy(paymentOrders.nextLateCheckAt)
    .limit(claim.limit)
    .for('update', { skipLocked: true });

  return db
    .update(paymentOrders)
    .set({
      leaseUntil: new Date(claim.now.getTime() + claim.leaseMs),
      leaseOwner: claim.owner,
    })
    .where(inArray(paymentOrders.id, due))
    .returning();
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
    .update(paymentOrders)
    .set({
      lateChecks: sql`${paymentOrders.lateChecks} + ${release.checked ? 1 : 0}`,
      nextLateCheckAt: sql`case when ${paymentOrders.status} = 'PAID' then null
        else ${release.nextLateCheckAt?.toISOString() ?? null}::timestamptz end`,
      leaseUntil: null,
      leaseOwner: null,
    })
    .where(and(eq(paymentOrders.id, release.orderId), eq(paymentOrders.leaseOwner, release.owner)));
}
