// /ops/orders/<app_trans_id>: one payment attempt's page, its merchant order's timeline and the refund
// form (refund-routes.ts) and actions it offers.
import type { Database } from '../../../db/create-db';
import { orderIdRouter } from '../operator-input';
import { noticeOf, showAttemptPage } from './order-page-view';

export function attemptRoutes(db: Database) {
  const router = orderIdRouter();
  router.get('/ops/orders/:appTransId', async (req, res) => {
    await showAttemptPage(db, res, req.params.appTransId, 200, { notice: noticeOf(req) });
  });
  return router;
}
