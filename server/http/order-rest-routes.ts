// The REST API of the catalogue and merchant orders, for frontends that do not speak tRPC:
// GET /api/products, POST /api/orders (the server prices the cart), GET /api/orders/{order_id}.
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import type { PaymentsPort } from '../payments/payments-port';
import { orderIdSchema, orderLinesSchema } from '../payments/merchant-orders/order-input';
import type { LocalisedName, OrderView } from '../payments/status/order-view';
import { parseInput } from '../payments/attempts/pay-request-schemas';
import { attemptBodies, lineBodies, livePaymentBody, receiptBody } from './order-view-parts';
import { sendError } from './rest-answers';

const createOrderBody = z.object({ lines: orderLinesSchema }, 'the body must be {"lines": [...]}');

/** Vietnamese unless the request's Accept-Language prefers English. */
function languageOf(req: Request): keyof LocalisedName {
  return req.acceptsLanguages('vi', 'en') === 'en' ? 'en' : 'vi';
}

export function orderBody(order: OrderView, language: keyof LocalisedName) {
  return {
    order_id: order.orderId,
    status: order.status,
    total: order.total,
    lines: lineBodies(order, language),
    created_at: order.createdAt.toISOString(),
    attempts: attemptBodies(order),
    payment: livePaymentBody(order),
    receipt: receiptBody(order),
  };
}

export function orderRestRoutes(payments: PaymentsPort): Router {
  const router = Router();

  router.get('/api/products', async (req, res) => {
    const language = languageOf(req);
    const products = await payments.listProducts();
    res.json({
      products: products.map((product) => ({
        sku: product.sku,
        name: product.name[language],
        unit_price: product.unitPrice,
      })),
    });
  });

  router.post('/api/orders', express.json({ limit: '16kb' }), async (req, res) => {
    // A cart the catalogue cannot sell (InvalidOrderError) is answered by the app's error handler.
    const { lines } = parseInput(createOrderBody, req.body, 'lines');
    const order = await payments.createOrder(lines);
    res.status(201).json(orderBody(order, languageOf(req)));
  });

  router.get('/api/orders/:orderId', async (req, res) => {
    const orderId = orderIdSchema.safeParse(req.params.orderId);
    const order = orderId.success ? await payments.getOrder(orderId.data) : null;
    if (!order) {
      sendError(res, 404, 'not_found', 'No such order');
      return;
    }
    res.json(orderBody(order, languageOf(req)));
  });

  return router;
}
