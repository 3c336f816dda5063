// A shop front end's two calls for a server-priced sale: POST /api/orders with the cart's lines (the
// server prices it), then POST /api/payment/create {"order_id"} for the live attempt or a new one.
import { z } from 'zod';

export interface CartLine {
  sku: string;
  quantity: number;
}

const createdOrderSchema = z.object({
  order_id: z.string(),
  total: z.number(),
  status: z.literal('AWAITING_PAYMENT'),
});
const attemptSchema = z.object({
  app_trans_id: z.string(),
  order_id: z.string(),
  status: z.literal('PENDING'),
});

async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, json: await response.json() };
}

export async function createMerchantOrder(
  checkoutUrl: string,
  lines: readonly CartLine[],
): Promise<z.infer<typeof createdOrderSchema>> {
  const { status, json } = await postJson(`${checkoutUrl}/api/orders`, { lines });
  if (status !== 201)
    throw new Error(`POST /api/orders answered ${status}: ${JSON.stringify(json)}`);
  return createdOrderSchema.parse(json);
}

/** The order's live attempt, or attempt n+1 when the last one expired; its app_trans_id. */
export async function payMerchantOrder(checkoutUrl: string, orderId: string): Promise<string> {
  const { status, json } = await postJson(`${checkoutUrl}/api/payment/create`, {
    order_id: orderId,
  });
  if (status !== 201) {
    throw new Error(`create for ${orderId} answered ${status}: ${JSON.stringify(json)}`);
  }
  const attempt = attemptSchema.parse(json);
  if (attempt.order_id !== orderId)
    throw new Error(`create for ${orderId} paid ${attempt.order_id}`);
  return attempt.app_trans_id;
}
