// The operator's "Cancel order" on an order's /ops page: a confirmation page first, then the payments
// domain's cancel (its live attempts cancelled at ZaloPay first; a paid order is refused with 409), then
// back to the merchant order's page with the notice.
// Mounted by operator-routes.ts behind its same-origin and sign-in checks.
import type { Request, Response, Router } from 'express';
import type { Logger } from '../../logger';
import { PaymentsError } from '../../payments/errors';
import type { CancelledOrder } from '../../payments/merchant-orders/cancel-merchant-order';
import { readOrderRecord } from '../operator-queries';
import type { Database } from '../../../db/create-db';
import { orderIdRouter } from '../operator-input';
import { sendOperatorPage } from '../operator-page-response';
import { notFoundPage, orderCancelConfirmationPage } from '../operator-pages';
import { showAttemptPage } from './order-page-view';

export interface OrderCancelRoutesDeps {
  db: Database;
  log: Logger;
  /** The payments domain's cancel, as an operator (PaymentsService.cancelOrder). */
  cancelOrder: (shopOrderId: string) => Promise<CancelledOrder>;
}

export function orderCancelRoutes(deps: OrderCancelRoutesDeps): Router {
  const router = orderIdRouter();
  router.post('/ops/orders/:appTransId/cancel/confirm', async (req: Request, res: Response) => {
    const appTransId = String(req.params.appTransId);
    const record = await readOrderRecord(deps.db, appTransId);
    if (!record) {
      sendOperatorPage(res, 404, notFoundPage(`No order ${appTransId}`));
      return;
    }
    if (record.merchantOrder.status !== 'AWAITING_PAYMENT') {
      await showAttemptPage(deps.db, res, appTransId, 409, {
        error: `Order not cancelled: it is ${record.merchantOrder.status}, not awaiting payment`,
      });
      return;
    }
    const liveAttempts = record.attempts
      .filter((attempt) => attempt.status === 'PENDING')
      .map((attempt) => attempt.appTransId);
    sendOperatorPage(
      res,
      200,
      orderCancelConfirmationPage({
        appTransId,
        merchantOrder: record.merchantOrder,
        liveAttempts,
      }),
    );
  });

  router.post('/ops/orders/:appTransId/cancel', async (req: Request, res: Response) => {
    const appTransId = String(req.params.appTransId);
    const record = await readOrderRecord(deps.db, appTransId);
    if (!record) {
      sendOperatorPage(res, 404, notFoundPage(`No order ${appTransId}`));
      return;
    }
    try {
      const result = await deps.cancelOrder(record.merchantOrder.id);
      deps.log.info(
        { shopOrderId: record.merchantOrder.id, uncertainAttempts: result.uncertainAttempts },
        'operator cancelled a merchant order',
      );
      const notice =
        result.uncertainAttempts.length > 0 ? 'order_cancelled_uncertain' : 'order_cancelled';
      const orderPath = `/ops/merchant-orders/${encodeURIComponent(record.merchantOrder.id)}`;
      res.redirect(303, `${orderPath}?notice=${notice}`);
    } catch (error) {
      if (!(error instanceof PaymentsError)) throw error;
      await showAttemptPage(deps.db, res, appTransId, error.httpStatus, {
        error: `Order not cancelled: ${error.message}`,
      });
    }
  });
  return router;
}
