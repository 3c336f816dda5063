// The plain JSON API of the user's frontend guide, kept byte for byte: POST /api/payment/create and
// GET /api/payment/status/:app_trans_id (also at /api/zalopay/status/:app_trans_id, the path of the user's
// sequence diagram). Create also takes {"order_id"}: then the amount is the merchant order's own total.
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PaymentsPort } from '../payments/payments-port';
import type { PaymentStatus, PaymentView } from '../payments/status/payment-view';
import { InvalidPaymentInputError, OrderNotFoundError } from '../payments/errors';
import { orderIdSchema } from '../payments/merchant-orders/order-input';
import {
  amountSchema,
  appTransIdParamSchema,
  descriptionSchema,
  isOurLength,
  parseInput,
} from '../payments/attempts/pay-request-schemas';
import { sendError } from './rest-answers';

/** The guide's body: a one-off order for a client-given amount (only where ACCEPT_CLIENT_AMOUNTS allows). */
const clientAmountBody = z.object({ amount: amountSchema, order_info: descriptionSchema });

/** Paying a merchant order: the amount, if sent at all, must be the order's total. */
const merchantOrderBody = z.object({ order_id: orderIdSchema, amount: amountSchema.optional() });

/** The guide promises PAID, PENDING or FAILED; an expired order reads FAILED, with the reason beside it. */
const GUIDE_STATUS: Record<PaymentStatus, 'PAID' | 'PENDING' | 'FAILED'> = {
  PAID: 'PAID',
  PENDING: 'PENDING',
  FAILED: 'FAILED',
  EXPIRED: 'FAILED',
};

function statusBody(view: PaymentView) {
  return {
    status: GUIDE_STATUS[view.status],
    app_trans_id: view.appTransId,
    order_id: view.orderId,
    detailed_status: view.status,
    reason: view.status === 'EXPIRED' ? 'expired' : view.reason,
    amount: view.amount,
    paid_at: view.paidAt?.toISOString() ?? null,
  };
}

function createdBody(view: PaymentView) {
  return {
    order_url: view.orderUrl,
    app_trans_id: view.appTransId,
    order_id: view.orderId,
    qr_code: view.qrCode,
    expires_at: view.expiresAt.toISOString(),
    status: GUIDE_STATUS[view.status],
  };
}

export interface PaymentRestOptions {
  /** ACCEPT_CLIENT_AMOUNTS: whether the guide's {amount, order_info} may make a one-off order. */
  acceptClientAmounts: boolean;
}

export function paymentRestRoutes(payments: PaymentsPort, options: PaymentRestOptions): Router {
  const router = Router();

  async function payMerchantOrder(req: Request, res: Response) {
    const { order_id: orderId, amount } = parseInput(merchantOrderBody, req.body);
    if (amount !== undefined) {
      const order = await payments.getOrder(orderId);
      if (!order) throw new OrderNotFoundError(orderId);
      if (order.total !== amount) {
        throw new InvalidPaymentInputError(
          'amount',
          `must be the order's total (${order.total} VND), or left out`,
        );
      }
    }
    res.status(201).json(createdBody(await payments.payOrder(orderId)));
  }

  async function payClientAmount(req: Request, res: Response) {
    if (!options.acceptClientAmounts) {
      return sendError(
        res,
        403,
        'client_amounts_disabled',
        'This shop prices its orders on the server: create an order (POST /api/orders) and pay it with {"order_id"}. ACCEPT_CLIENT_AMOUNTS=true allows {"amount", "order_info"}.',
      );
    }
    const body = parseInput(clientAmountBody, req.body);
    const view = await payments.payOneOff({ amount: body.amount, description: body.order_info });
    res.status(201).json(createdBody(view));
  }

  // The domain's errors (a bad field, no such order, already paid, ZaloPay not answering) are answered by
  // the app's error handler (error-reply.ts), as tRPC answers them.
  router.post('/api/payment/create', express.json({ limit: '8kb' }), async (req, res) => {
    const body: unknown = req.body;
    const namesAnOrder = typeof body === 'object' && body !== null && 'order_id' in body;
    await (namesAnOrder ? payMerchantOrder(req, res) : payClientAmount(req, res));
  });

  router.get(
    ['/api/payment/status/:appTransId', '/api/zalopay/status/:appTransId'],
    async (req, res) => {
      const appTransId = parseInput(appTransIdParamSchema, req.params.appTransId, 'app_trans_id');
      const view = isOurLength(appTransId) ? await payments.getStatus(appTransId) : null;
      if (!view) {
        sendError(res, 404, 'not_found', 'No such order');
        return;
      }
      res.json(statusBody(view));
    },
  );

  return router;
}
