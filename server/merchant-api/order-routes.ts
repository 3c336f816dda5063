// The merchant API's orders (docs/merchant-api.md): POST /api/v1/orders makes an order priced by the
// merchant's server (catalogue skus or free lines) and answers its checkout_url; GET /api/v1/orders/{id}
// and GET /api/v1/orders?merchant_reference= read orders with their attempts, receipt and refunds.
import type { Database } from '../../db/create-db';
import type { MerchantOrder } from '../../db/schema';
import type { Logger } from '../logger';
import { createOrderFromApi } from '../payments/merchant-orders/create-order-from-api';
import {
  merchantOrderSchema,
  parseMerchantOrder,
} from '../payments/merchant-orders/merchant-order-input';
import {
  findMerchantOrders,
  readMerchantOrder,
} from '../payments/merchant-orders/merchant-order-read';
import { orderIdSchema } from '../payments/merchant-orders/order-input';
import type { OrderSettings } from '../payments/payments-config';
import { sendError } from '../http/rest-answers';
import { apiKeyOf } from './api-key-auth';
import { idempotency, idempotentAnswerOf } from './idempotency';
import { orderAnswer, type OrderAnswer } from './order-answer';
import type { MerchantApiRoutes } from './v1-router';

export interface OrderRoutesDeps {
  db: Database;
  log: Logger;
  orders: Pick<OrderSettings, 'minAmount' | 'maxAmount'>;
  /** MERCHANT_RETURN_ORIGINS. */
  returnOrigins: readonly string[];
  /** PUBLIC_BASE_URL (no trailing slash): checkout_url is `<it>/checkout/<order_id>`. */
  publicBaseUrl: string;
  now?: () => Date;
}

export function orderRoutes(deps: OrderRoutesDeps): MerchantApiRoutes {
  const now = deps.now ?? (() => new Date());
  const schema = merchantOrderSchema(deps.returnOrigins);
  const domain = { db: deps.db, config: { orders: deps.orders }, now };
  return (router) => {
    router.post('/orders', idempotency({ db: deps.db, log: deps.log, now }), async (req, res) => {
      // A bad field throws InvalidOrderError, which the app's error handler answers with its name.
      const request = parseMerchantOrder(schema, req.body);
      const answerOf = (order: MerchantOrder) =>
        orderAnswer({ order, attempts: [], refunds: [] }, deps.publicBaseUrl, now());
      // With an Idempotency-Key, the order and its stored answer commit together.
      const idempotent = idempotentAnswerOf(res);
      let answer: OrderAnswer | undefined;
      const order = await createOrderFromApi(
        domain,
        apiKeyOf(res).id,
        request,
        idempotent &&
          (async (tx, created) => {
            answer = answerOf(created);
            await idempotent.store(tx, 201, answer);
          }),
      );
      idempotent?.committed();
      res.status(201).json(answer ?? answerOf(order));
    });

    router.get('/orders', async (req, res) => {
      const reference = req.query.merchant_reference;
      if (typeof reference !== 'string' || reference.length === 0 || reference.length > 64) {
        sendError(
          res,
          400,
          'invalid_input',
          'merchant_reference: give one reference of 1 to 64 characters',
          'merchant_reference',
        );
        return;
      }
      const records = await findMerchantOrders(deps.db, reference);
      const at = now();
      res.json({ data: records.map((record) => orderAnswer(record, deps.publicBaseUrl, at)) });
    });

    router.get('/orders/:orderId', async (req, res) => {
      const orderId = orderIdSchema.safeParse(req.params.orderId);
      const record = orderId.success ? await readMerchantOrder(deps.db, orderId.data) : undefined;
      if (!record) {
        sendError(res, 404, 'not_found', 'No such order', 'order_id');
        return;
      }
      res.json(orderAnswer(record, deps.publicBaseUrl, now()));
    });
  };
}
