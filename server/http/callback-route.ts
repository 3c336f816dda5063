// POST /api/zalopay/callback: ZaloPay's signed server-to-server notification. The body is taken raw,
// byte for byte, because the MAC covers the exact `data` string: parsing it first would break verification.
import express, { Router } from 'express';
import type { PaymentsService } from '../payments/payments-service';

/** ZaloPay's documented limit for `data` is 4,096 characters; 16 KiB leaves room for escaping and the envelope. */
export const CALLBACK_BODY_LIMIT = '16kb';

export function callbackRoute(payments: Pick<PaymentsService, 'handleCallback'>): Router {
  const router = Router();
  router.post(
    '/api/zalopay/callback',
    express.raw({ type: () => true, limit: CALLBACK_BODY_LIMIT }),
    async (req, res) => {
      const body: unknown = req.body;
      const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const { httpStatus, body: reply } = await payments.handleCallback(raw);
      res.status(httpStatus).json(reply);
    },
  );
  return router;
}
