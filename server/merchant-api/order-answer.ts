// What the merchant API answers about an order, as zod schemas (the OpenAPI document is generated from
// them, and the tests check real answers against it) and the one function that writes such an answer.
import { z } from 'zod';
import type { MerchantOrderRecord } from '../payments/merchant-orders/merchant-order-read';
import { MERCHANT_ORDER_STATUSES } from '../payments/status/order-view';
import { toOrderView } from '../payments/status/merchant-order-view';
import { attemptBodies, lineBodies, livePaymentBody, receiptBody } from '../http/order-view-parts';
import { refundBody, refundSchema } from './refund-routes';

const isoTime = z.iso.datetime().meta({ example: '2026-12-04T10:15:00.000Z' });
const vnd = z.int().min(0).meta({ example: 250_000 });

export const orderAnswerSchema = z
  .object({
    order_id: z.string().meta({ example: 'K7W2M9QX4T' }),
    status: z
      .enum([...MERCHANT_ORDER_STATUSES, 'EXPIRED'])
      .meta({ description: 'EXPIRED: past expires_at, unpaid, no payment in progress' }),
    total: vnd,
    currency: z.literal('VND'),
    checkout_url: z.url().meta({ example: 'https://pay.example/checkout/K7W2M9QX4T' }),
    description: z.string(),
    merchant_reference: z.string().nullable(),
    metadata: z.record(z.string(), z.string()).nullable(),
    return_url: z.string().nullable(),
    cancel_url: z.string().nullable(),
    expires_at: isoTime.nullable(),
    created_at: isoTime,
    lines: z.array(
      z.object({
        sku: z.string().nullable().meta({ description: 'null for a free line' }),
        name: z.string(),
        unit_price: vnd,
        quantity: z.int().min(1),
        line_total: vnd,
      }),
    ),
    attempts: z.array(
      z.object({
        app_trans_id: z.string(),
        attempt: z.int().min(1),
        status: z.enum(['PENDING', 'PAID', 'FAILED', 'EXPIRED']),
        expires_at: isoTime,
        paid_at: isoTime.nullable(),
      }),
    ),
    payment: z
      .object({ app_trans_id: z.string(), order_url: z.string().nullable(), expires_at: isoTime })
      .nullable()
      .meta({ description: 'The payment attempt in progress, if any' }),
    receipt: z
      .object({
        app_trans_id: z.string(),
        zp_trans_id: z.string(),
        amount: vnd,
        paid_at: isoTime,
        method: z.enum(['wallet', 'card', 'bank_account', 'unknown']),
      })
      .nullable(),
    refunded_amount: vnd,
    refunds: z.array(refundSchema),
  })
  .meta({ title: 'Order' });

export const orderListAnswerSchema = z
  .object({ data: z.array(orderAnswerSchema) })
  .meta({ title: 'OrderList' });

export type OrderAnswer = z.input<typeof orderAnswerSchema>;

/** `publicBaseUrl` without a trailing slash: the checkout_url is `<it>/checkout/<order_id>`. */
export function orderAnswer(
  record: MerchantOrderRecord,
  publicBaseUrl: string,
  now: Date,
): OrderAnswer {
  const { order } = record;
  const view = toOrderView(order, record.attempts, now);
  return {
    order_id: order.id,
    status: view.merchant?.expired ? 'EXPIRED' : order.status,
    total: order.total,
    currency: 'VND',
    checkout_url: `${publicBaseUrl}/checkout/${order.id}`,
    description: order.description,
    merchant_reference: order.merchantReference,
    metadata: order.metadata,
    return_url: order.returnUrl,
    cancel_url: order.cancelUrl,
    expires_at: order.expiresAt?.toISOString() ?? null,
    created_at: order.createdAt.toISOString(),
    lines: lineBodies(view, 'vi'),
    attempts: attemptBodies(view),
    payment: livePaymentBody(view),
    receipt: receiptBody(view),
    refunded_amount: order.refundedAmount,
    refunds: record.refunds.map((refund) => refundBody(refund, order.id)),
  };
}
