// /ops/merchant-orders/<reference>: the merchant order's page, the order, its actions and every attempt
// (each linking to its own page), with the refund figures of the attempt that was paid.
import type { Database } from '../../../db/create-db';
import { orderIdRouter } from '../operator-input';
import { sendOperatorPage } from '../operator-page-response';
import { merchantOrderPage, notFoundPage } from '../operator-pages';
import { readMerchantOrderPage } from '../operator-queries';
import { attemptRefunds, newRefundToken, noticeOf, timelineOf } from './order-page-view';

export function merchantOrderRoutes(db: Database) {
  const router = orderIdRouter();
  router.get('/ops/merchant-orders/:shopOrderId', async (req, res) => {
    const record = await readMerchantOrderPage(db, req.params.shopOrderId);
    if (!record) {
      sendOperatorPage(res, 404, notFoundPage(`No merchant order ${req.params.shopOrderId}`));
      return;
    }
    const paidAttempt = record.attempts.find(
      (attempt) => attempt.id === record.merchantOrder.paidAttemptId,
    );
    const paid = paidAttempt && {
      attempt: paidAttempt,
      summary: attemptRefunds(record, paidAttempt),
    };
    sendOperatorPage(
      res,
      200,
      merchantOrderPage({
        record,
        paid,
        timeline: timelineOf(record),
        refundToken: newRefundToken(),
        notice: noticeOf(req),
      }),
    );
  });
  // The page's address before the merchant order had one name from the route to the table: old links work.
  router.get('/ops/shop-orders/:shopOrderId', (req, res) => {
    res.redirect(301, `/ops/merchant-orders/${encodeURIComponent(req.params.shopOrderId)}`);
  });
  return router;
}
