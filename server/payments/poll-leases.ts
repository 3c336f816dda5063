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
