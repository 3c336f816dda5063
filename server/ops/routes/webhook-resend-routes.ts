// "Resend" on an attempt's page: the same webhook event of its merchant order goes out again (its
// receiver may have lost it, or was down), then back to the page with a notice.
import type { Database } from '../../../db/create-db';
import type { Logger } from '../../logger';
import { orderIdRouter } from '../operator-input';
import { sendOperatorPage } from '../operator-page-response';
import { notFoundPage } from '../operator-pages';
import { readOrderRecord } from '../operator-queries';
import { resendWebhookEvent } from '../webhook-resend';

export interface WebhookResendRoutesDeps {
  db: Database;
  log: Logger;
  now: () => Date;
}

export function webhookResendRoutes(deps: WebhookResendRoutesDeps) {
  const router = orderIdRouter();
  router.post('/ops/orders/:appTransId/webhooks/:eventId/resend', async (req, res) => {
    const { appTransId, eventId } = req.params;
    const record = await readOrderRecord(deps.db, appTransId);
    const belongs = record?.webhooks.some((webhook) => webhook.event.id === eventId);
    if (!record || !belongs) {
      sendOperatorPage(
        res,
        404,
        notFoundPage(`No webhook event ${eventId} on order ${appTransId}`),
      );
      return;
    }
    await resendWebhookEvent(deps.db, eventId, deps.now());
    deps.log.info({ appTransId, eventId }, 'operator resent a webhook');
    res.redirect(303, `/ops/orders/${encodeURIComponent(appTransId)}?notice=webhook_resent`);
  });
  return router;
}
