// POST /api/v1/orders/{order_id}/refunds {"amount", "reason"}: a refund of a paid order under the
// operator's rules (never more than is left), answered with the refund and its state. The schemas are
// exported for the OpenAPI document.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../../db/create-db';
import type { Refund } from '../../db/schema';
import { orderIdSchema } from '../payments/merchant-orders/order-input';
import { amountSchema, parseInput } from '../payments/attempts/pay-request-schemas';
import { sendError } from '../http/rest-answers';
import { refundMerchantOrder } from '../refunds/merchant-order-refund-request';
import { RefundRefusedError, type RefundRefusal } from '../refunds/refund-errors';
import type { RefundService } from '../refunds/refund-service';
import type { Logger } from '../logger';
import { apiKeyOf } from './api-key-auth';
import { idempotency } from './idempotency';
import type { MerchantApiRoutes } from './v1-router';

/** ZaloPay takes a refund's description (our `reason`) of at most 100 characters. */
export const MAX_REASON_CHARS = 100;

export const createRefundBodySchema = z.object(
  {
    amount: amountSchema.meta({
      description: 'VND, at most what is left to refund',
      example: 20000,
    }),
    reason: z
      .string('is required')
      .trim()
      .min(1, 'is required')
      .max(MAX_REASON_CHARS, `is at most ${MAX_REASON_CHARS} characters`)
      .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters')
      .meta({ example: 'Customer returned one item' }),
  },
  'the body must be {"amount": ..., "reason": "..."}',
);

export const refundSchema = z.object({
  refund_id: z
    .string()
    .meta({ description: "ZaloPay's m_refund_id", example: '251204_2553_1733300000000abc' }),
  order_id: z.string(),
  amount: z.number().int(),
  reason: z.string(),
  status: z.enum(['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED']),
  zp_refund_id: z.string().nullable(),
  failure_reason: z.string().nullable(),
  created_at: z.iso.datetime(),
  settled_at: z.iso.datetime().nullable(),
});

const REFUSAL_ANSWERS: Record<RefundRefusal, { status: number; field?: string }> = {
  order_not_found: { status: 404 },
  order_not_paid: { status: 409 },
  exceeds_refundable: { status: 409, field: 'amount' },
  invalid_amount: { status: 400, field: 'amount' },
  invalid_description: { status: 400, field: 'reason' },
};

export function refundBody(refund: Refund, orderId: string): z.infer<typeof refundSchema> {
  return {
    refund_id: refund.mRefundId,
    order_id: orderId,
    amount: refund.amount,
    reason: refund.description,
    status: refund.state,
    zp_refund_id: refund.zpRefundId,
    failure_reason: refund.failureReason,
    created_at: refund.createdAt.toISOString(),
    settled_at: refund.settledAt?.toISOString() ?? null,
  };
}

/**
 * An Idempotency-Key as the refund's one-time token (22 base64url characters, the end of its
 * m_refund_id): the same key from the same API key for the same order returns the first refund.
 */
function refundToken(apiKeyId: string, orderId: string, idempotencyKey: string | undefined) {
  if (!idempotencyKey) return undefined;
  return createHash('sha256')
    .update(`${apiKeyId}\n${orderId}\n${idempotencyKey}`)
    .digest('base64url')
    .slice(0, 22);
}

export function refundRoutes(deps: {
  db: Database;
  log: Logger;
  refunds: RefundService;
}): MerchantApiRoutes {
  return (router) => {
    router.post('/orders/:orderId/refunds', idempotency(deps), async (req, res) => {
      const orderId = orderIdSchema.safeParse(req.params.orderId);
      if (!orderId.success) {
        sendError(res, 404, 'not_found', 'No such order');
        return;
      }
      const body = parseInput(createRefundBodySchema, req.body, 'body');
      try {
        const refund = await refundMerchantOrder(deps, {
          orderId: orderId.data,
          amount: body.amount,
          reason: body.reason,
          idempotencyToken: refundToken(apiKeyOf(res).id, orderId.data, req.get('idempotency-key')),
        });
        res.status(201).json(refundBody(refund, orderId.data));
      } catch (error) {
        if (!(error instanceof RefundRefusedError)) throw error;
        const answer = REFUSAL_ANSWERS[error.refusal];
        const code = error.refusal === 'order_not_found' ? 'not_found' : error.refusal;
        sendError(res, answer.status, code, error.message, answer.field);
      }
    });
  };
}
