// The merchant's webhooks for an order, each with its delivery state and a Resend button (the same event,
// same id and body, goes out again).
import type { WebhookDelivery } from '../../../db/schema';
import type { WebhookHistory } from '../order-timeline';
import { VietnamTime } from './vietnam-time';

/** The newest delivery attempt's time, or null before the first one. */
function lastAttemptAt(deliveries: readonly WebhookDelivery[]): Date | null {
  let last: Date | null = null;
  for (const delivery of deliveries) {
    if (!last || delivery.attemptedAt > last) last = delivery.attemptedAt;
  }
  return last;
}

interface WebhooksSectionProps {
  /** The attempt whose page offers Resend; none (an order nobody tried to pay): no Resend. */
  appTransId: string | undefined;
  webhooks: readonly WebhookHistory[];
}

export function WebhooksSection({ appTransId, webhooks }: WebhooksSectionProps) {
  if (webhooks.length === 0)
    return (
      <>
        <h2>Webhooks</h2>
        <p>No webhook events.</p>
      </>
    );
  return (
    <>
      <h2>Webhooks</h2>
      <table>
        <thead>
          <tr>
            <th>Event</th>
            <th>Type</th>
            <th>State</th>
            <th>Delivered at</th>
            <th>Attempts</th>
            <th>Last attempt at</th>
            <th>Last error</th>
            {appTransId !== undefined && <th>Action</th>}
          </tr>
        </thead>
        <tbody>
          {webhooks.map(({ event, deliveries }) => (
            <tr key={event.id}>
              <td>
                <code>{event.id}</code>
              </td>
              <td>{event.type}</td>
              <td>{event.status}</td>
              <td>
                <VietnamTime at={event.deliveredAt} />
              </td>
              <td>{deliveries.length}</td>
              <td>
                <VietnamTime at={lastAttemptAt(deliveries)} />
              </td>
              <td>{event.lastError ?? ''}</td>
              {appTransId !== undefined && (
                <td>
                  <form
                    method="post"
                    action={`/ops/orders/${encodeURIComponent(appTransId)}/webhooks/${encodeURIComponent(event.id)}/resend`}
                  >
                    <button type="submit">Resend</button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
