// The gauges /metrics reads from the database at scrape time: PENDING orders past their expiry, and the
// age of the oldest webhook event not yet delivered.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../db/create-db';
import { paymentAttempts, webhookEvents } from '../../db/schema';
import type { CheckoutMetricsOptions } from './checkout-metrics';

/** Seconds since the oldest undelivered event was written (0 when none): the metric an alert watches. */
async function oldestUndeliveredAgeSeconds(db: Database, at: Date): Promise<number> {
  const [row] = await db
    .select({
      oldest: sql<Date | null>`min(${webhookEvents.createdAt})`.mapWith(webhookEvents.createdAt),
    })
    .from(webhookEvents)
    .where(eq(webhookEvents.status, 'PENDING'));
  return row?.oldest ? Math.max(0, (at.getTime() - row.oldest.getTime()) / 1000) : 0;
}

export function metricReadings(
  handle: DatabaseHandle,
  options: { webhooksEnabled: boolean },
): Pick<CheckoutMetricsOptions, 'countPendingPastExpiry' | 'oldestUndeliveredWebhookSeconds'> {
  const db = handle.db;
  return {
    countPendingPastExpiry: () =>
      db.$count(
        paymentAttempts,
        and(eq(paymentAttempts.status, 'PENDING'), lt(paymentAttempts.expiresAt, new Date())),
      ),
    // With webhooks off, events wait unsent by design: nothing for an alert to see.
    oldestUndeliveredWebhookSeconds: async () =>
      options.webhooksEnabled ? oldestUndeliveredAgeSeconds(db, new Date()) : 0,
  };
}
