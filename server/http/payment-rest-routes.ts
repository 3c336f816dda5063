// The plain JSON API of the user's frontend guide, kept byte for byte: POST /api/payment/create and
// GET /api/payment/status/:app_trans_id (also at /api/zalopay/status/:app_trans_id, the path of the user's
// sequence diagram). Create also takes {"order_id"}: then the amount is the merchant order's own total.
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PaymentsPort } from '../payments/payments-port';
import type { PaymentStatus, PaymentView } from '../payments/payment-view';
import {
  GatewayUnavailableError,
  InvalidPaymentInputError,
  OrderNotFoundError,
  OrderNotPayableError,
} from '../payments/errors';
import { orderIdSchema } from '../payments/order-input';
import { sendError, sendInvalidInput } from './rest-answers';

const noNul = (text: string) => !text.includes('\u0000');

/** The guide's body: a one-off order for a client-given amount (only where ACCEPT_CLIENT_AMOUNTS allows). */
const clientAmountBody = z.object({
  amount: z
    .number('must be a number')
    .int('must be a whole number of VND')
    .positive('must be positive'),
  order_info: z
    .string('is required')
    .trim()
    .min(1, 'is required')
    .max(256, 'is at most 256 characters')
    .refine(noNul, 'must not contain NUL characters'),
});

/** Paying a merchant order: the amount, if sent at all, must be the order's total. */
const merchantOrderBody = z.object({
  order_id: orderIdSchema,
  amount: z.number('must be a number').int('must be a whole number of VND').optional(),
});

/** Characters an app_trans_id never has (a NUL, a quote) are a bad request; a long one is simply not ours. */
const appTransIdParam = z
  .string()
  .regex(/^[\w-]+$/, 'app_trans_id has characters an app_trans_id never has');

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
    const parsed = merchantOrderBody.safeParse(req.body);
    if (!parsed.success) return sendInvalidInput(res, parsed.error);
    const { order_id: orderId, amount } = parsed.data;
    if (amount !== undefined) {
      const order = await payments.getOrder(orderId);
      if (!order) return sendError(res, 404, 'not_found', 'No such order', 'order_id');
      if (order.total !== amount) {
        return sendError(
          res,
          400,
          'invalid_input',
          `amount must be the order's total (${order.total} VND), or left out`,
          'amount',
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
    const parsed = clientAmountBody.safeParse(req.body);
    if (!parsed.success) return sendInvalidInput(res, parsed.error);
    const view = await payments.create({
      amount: parsed.data.amount,
      description: parsed.data.order_info,
    });
    res.status(201).json(createdBody(view));
  }

  router.post('/api/payment/create', express.json({ limit: '8kb' }), async (req, res) => {
    const body: unknown = req.body;
    const namesAnOrder = typeof body === 'object' && body !== null && 'order_id' in body;
    try {
      await (namesAnOrder ? payMerchantOrder(req, res) : payClientAmount(req, res));
    } catch (error) {
      if (error instanceof InvalidPaymentInputError) {
        const field = error.field === 'description' ? 'order_info' : error.field;
        sendError(res, 400, 'invalid_input', `${field} ${error.message}`, field);
      } else if (error instanceof OrderNotFoundError) {
        sendError(res, 404, 'not_found', error.message, 'order_id');
      } else if (error instanceof OrderNotPayableError) {
        sendError(res, 409, error.code, error.message, 'order_id');
      } else if (error instanceof GatewayUnavailableError) {
        sendError(res, 503, 'gateway_unavailable', error.message);
      } else {
        throw error;
      }
    }
  });

  router.get(
    ['/api/payment/status/:appTransId', '/api/zalopay/status/:appTransId'],
    async (req, res) => {
      const appTransId = appTransIdParam.safeParse(req.params.appTransId);
      if (!appTransId.success) {
        sendInvalidInput(res, appTransId.error, 'app_trans_id');
        return;
      }
      const view = appTransId.data.length <= 40 ? await payments.getStatus(appTransId.data) : null;
      if (!view) {
        sendError(res, 404, 'not_found', 'No such order');
        return;
      }
      res.json(statusBody(view));
    },
  );

  return router;
}
