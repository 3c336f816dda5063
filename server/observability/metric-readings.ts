// The gauges /metrics reads from the database at scrape time: PENDING orders past their expiry, and the
// age of the oldest webhook event not yet delivered.
import { and, eq, lt } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/create-db';
import { paymentAttempts } from '../../db/schema';
import { oldestUndeliveredAgeSeconds } from '../webhooks/webhook-worker';
import type { CheckoutMetricsOptions } from './checkout-metrics';

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
