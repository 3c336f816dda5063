// The plain JSON API of the user's frontend guide (seeds/payment-flow-and-frontend-guide.txt), kept
// exactly: POST /api/payment/create and GET /api/payment/status/:app_trans_id. Same service as tRPC.
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { PaymentsPort } from '../trpc/context';
import type { PaymentStatus, PaymentView } from '../payments/payment-view';
import { GatewayUnavailableError, InvalidPaymentInputError } from '../payments/errors';

const createBody = z.object({
  amount: z.number().int('must be a whole number of VND').positive('must be positive'),
  order_info: z.string().trim().min(1, 'is required').max(256, 'is at most 256 characters'),
});

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
    detailed_status: view.status,
    reason: view.status === 'EXPIRED' ? 'expired' : view.reason,
    amount: view.amount,
    paid_at: view.paidAt?.toISOString() ?? null,
  };
}

function sendError(res: Response, status: number, code: string, message: string, field?: string) {
  res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });
}

export function paymentRestRoutes(payments: PaymentsPort): Router {
  const router = Router();

  router.post('/api/payment/create', express.json({ limit: '8kb' }), async (req, res) => {
    const parsed = createBody.safeParse(req.body);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      const [field, messages] = Object.entries(fieldErrors)[0] ?? [
        'body',
        ['must be a JSON object'],
      ];
      sendError(res, 400, 'invalid_input', `${field} ${messages?.[0] ?? 'is invalid'}`, field);
      return;
    }
    try {
      const view = await payments.create({
        amount: parsed.data.amount,
        description: parsed.data.order_info,
      });
      res.status(201).json({
        order_url: view.orderUrl,
        app_trans_id: view.appTransId,
        qr_code: view.qrCode,
        expires_at: view.expiresAt.toISOString(),
        status: GUIDE_STATUS[view.status],
      });
    } catch (error) {
      if (error instanceof InvalidPaymentInputError) {
        const field = error.field === 'description' ? 'order_info' : error.field;
        sendError(res, 400, 'invalid_input', `${field} ${error.message}`, field);
      } else if (error instanceof GatewayUnavailableError) {
        sendError(res, 503, 'gateway_unavailable', error.message);
      } else {
        throw error;
      }
    }
  });

  router.get('/api/payment/status/:appTransId', async (req, res) => {
    const appTransId = req.params.appTransId;
    if (appTransId.length > 40) {
      sendError(res, 404, 'not_found', 'No such order');
      return;
    }
    const view = await payments.getStatus(appTransId);
    if (!view) {
      sendError(res, 404, 'not_found', 'No such order');
      return;
    }
    res.json(statusBody(view));
  });

  return router;
}
