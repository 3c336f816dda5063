// How settler instances share the unsettled refunds: one statement claims the due ones with FOR UPDATE
// SKIP LOCKED and books each one's next check (its lease, backing off with each check), so a refund is
// asked about by one instance at a time and a crash mid-check only delays it until that time.
import { and, asc, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { refunds, type Refund } from '../../db/schema';
import { nextRefundCheckTimes } from './refund-check-backoff';
import { UNSETTLED_REFUND_STATES } from './refund-state-machine';

export async function claimDueRefunds(
  db: Database,
  claim: { now: Date; firstCheckDelayMs: number; limit: number },
): Promise<Refund[]> {
  const due = db
    .select({ id: refunds.id })
    .from(refunds)
    .where(
      and(inArray(refunds.state, UNSETTLED_REFUND_STATES), lte(refunds.nextCheckAt, claim.now)),
    )
    .orderBy(asc(refunds.nextCheckAt))
    .limit(claim.limit)
    .for('update', { skipLocked: true });
  // Each row's next check depends on how often it was checked: SQL picks it from the times the backoff
  // computed (entry n for n checks so far, the last entry for any more).
  const times = nextRefundCheckTimes(claim.now, claim.firstCheckDelayMs);
  const nextCheckAt = sql<Date>`(array[${sql.join(
    times.map((time) => sql`${time.toISOString()}`),
    sql`, `,
  )}]::timestamptz[])[least(${refunds.checks}, ${times.length - 1}) + 1]`;

  return db
    .update(refunds)
    .set({ checks: sql`${refunds.checks} + 1`, nextCheckAt })
    .where(inArray(refunds.id, due))
    .returning();
}
