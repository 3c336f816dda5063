// An operator's "Resend" as one write: the webhook event is due again at once, whatever became of it, so
// the delivery worker (webhooks/webhook-worker.ts) sends the same event (same id and body) again.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { webhookEvents } from '../../db/schema';

/** False when there is no such event. */
export async function resendWebhookEvent(
  db: Database,
  eventId: string,
  at: Date,
): Promise<boolean> {
  const [event] = await db
    .update(webhookEvents)
    .set({ status: 'PENDING', nextAttemptAt: at, leaseUntil: null })
    .where(eq(webhookEvents.id, eventId))
    .returning({ id: webhookEvents.id });
  return event !== undefined;
}
