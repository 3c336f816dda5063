// Places orders the way a shop's front end does: POST /api/payment/create on a running checkout, many
// at once under a concurrency limit, each answer parsed with zod.
import { z } from 'zod';
import { runConcurrently } from '../workers/run-concurrently';

const createdSchema = z.object({ app_trans_id: z.string(), status: z.literal('PENDING') });

export async function createOrder(checkoutUrl: string, amount: number): Promise<string> {
  const response = await fetch(`${checkoutUrl}/api/payment/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount, order_info: `Chaos test order of ${amount} VND` }),
    signal: AbortSignal.timeout(30_000),
  });
  const body: unknown = await response.json();
  if (response.status !== 201) {
    throw new Error(`create answered HTTP ${response.status}: ${JSON.stringify(body)}`);
  }
  return createdSchema.parse(body).app_trans_id;
}

/** Creates `count` orders, spread over the given checkouts in turn; returns their app_trans_ids. */
export async function createOrders(
  checkoutUrls: readonly string[],
  count: number,
  concurrency = 16,
): Promise<string[]> {
  const ids: string[] = [];
  const slots = Array.from({ length: count }, (_, index) => index);
  await runConcurrently(slots, concurrency, async (index) => {
    const url = checkoutUrls[index % checkoutUrls.length];
    if (!url) throw new Error('no checkout to create orders on');
    ids.push(await createOrder(url, 10_000 + (index % 90) * 1_000));
  });
  return ids;
}
