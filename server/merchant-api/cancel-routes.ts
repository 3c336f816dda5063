// POST /api/v1/orders/{order_id}/cancel: withdraws an unpaid order through the same domain path as the
// operator's Cancel order (its live payment is cancelled at ZaloPay first); a paid order answers 409.
import type { Database } from '../../db/create-db';
import type { MerchantOrderCanceller } from '../../db/schema';
import type { Logger } from '../logger';
import type { CancelledOrder } from '../payments/merchant-orders/cancel-merchant-order';
import { readMerchantOrder } from '../payments/merchant-orders/merchant-order-read';
import { orderIdSchema } from '../payments/merchant-orders/order-input';
import { sendError } from '../http/rest-answers';
import { idempotency } from './idempotency';
import { orderAnswer } from './order-answer';
import type { MerchantApiRoutes } from './v1-router';

export interface CancelRoutesDeps {
  db: Database;
  log: Logger;
  /** PaymentsService.cancelOrder. */
  cancelOrder: (orderId: string, by: MerchantOrderCanceller) => Promise<CancelledOrder>;
  /** PUBLIC_BASE_URL (no trailing slash), for the answer's checkout_url. */
  publicBaseUrl: string;
  now?: () => Date;
}

export function cancelRoutes(deps: CancelRoutesDeps): MerchantApiRoutes {
  const now = deps.now ?? (() => new Date());
  return (router) => {
    router.post('/orders/:orderId/cancel', idempotency({ ...deps, now }), async (req, res) => {
      const orderId = orderIdSchema.safeParse(req.params.orderId);
      if (!orderId.success) {
        sendError(res, 404, 'not_found', 'No such order', 'order_id');
        return;
      }
      // OrderNotFoundError (404) and OrderNotCancellableError (409 already_paid) are answered by the
      // app's error handler, as every PaymentsError is.
      await deps.cancelOrder(orderId.data, 'merchant_api');
      const record = await readMerchantOrder(deps.db, orderId.data);
      if (!record) {
        sendError(res, 404, 'not_found', 'No such order', 'order_id');
        return;
      }
      res.json(orderAnswer(record, deps.publicBaseUrl, now()));
    });
  };
}
