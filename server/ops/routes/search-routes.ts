// /ops, the operator's start page: search merchant orders by reference, app_trans_id (or its beginning)
// or zp_trans_id, and by status.
import { Router } from 'express';
import type { Database } from '../../../db/create-db';
import { hasControlCharacter } from '../operator-input';
import { sendOperatorPage } from '../operator-page-response';
import { badRequestPage, searchPage } from '../operator-pages';
import { isMerchantOrderStatus, searchOrders } from '../operator-queries';

export function searchRoutes(db: Database): Router {
  const router = Router();
  router.get('/ops', async (req, res) => {
    const text = typeof req.query.q === 'string' ? req.query.q.slice(0, 64) : '';
    if (hasControlCharacter(text)) {
      sendOperatorPage(
        res,
        400,
        badRequestPage('q: the search may not contain control characters'),
      );
      return;
    }
    const status = isMerchantOrderStatus(req.query.status) ? req.query.status : undefined;
    const orders = await searchOrders(db, { text, status });
    sendOperatorPage(res, 200, searchPage({ text, status, orders }));
  });
  return router;
}
