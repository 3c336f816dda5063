// CREATE_RATE_LIMIT_PER_MINUTE over real HTTP: REST and tRPC share one budget per client IP, a spoofed
// X-Forwarded-For mints no new budget, and behind a trusted proxy each real client has its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { postJson, startTestCheckout, type TestCheckout } from '../testing/checkout-harness';

const LIMIT = 3;
const order = { amount: 50_000, order_info: 'Rate limit probe' };

function restCreate(base: string, headers: Record<string, string> = {}) {
  return postJson(`${base}/api/payment/create`, order, headers);
}

const productsSchema = z.object({
  result: z.object({
    data: z.object({ json: z.object({ products: z.array(z.object({ sku: z.string() })) }) }),
  }),
});

/** A SKU the catalogue sells (the browser names products, never an amount). */
async function someSku(base: string): Promise<string> {
  const response = await fetch(`${base}/trpc/listProducts`);
  const [product] = productsSchema.parse(await response.json()).result.data.json.products;
  if (!product) throw new Error('the catalogue is empty');
  return product.sku;
}

/** tRPC's createPayment for a fresh merchant order (made over REST, on the order budget, off here). */
async function trpcCreate(
  base: string,
  path = 'createPayment',
  headers: Record<string, string> = {},
) {
  const made = await postJson(`${base}/api/orders`, {
    lines: [{ sku: await someSku(base), quantity: 1 }],
  });
  const { order_id: orderId } = z.object({ order_id: z.string() }).parse(await made.json());
  const input = { json: { orderId } };
  const batched = path.includes(',');
  const body = batched ? { 0: input, 1: { json: { query: {} } } } : input;
  return postJson(`${base}/trpc/${path}${batched ? '?batch=1' : ''}`, body, headers);
}

async function withCheckout(
  settings: Record<string, string>,
  run: (base: string) => Promise<void>,
) {
  const running: TestCheckout = await startTestCheckout('pglite', settings);
  try {
    await run(running.checkout.url);
  } finally {
    await running.close();
  }
}

describe('with TRUST_PROXY off (the default)', () => {
  let running: TestCheckout;
  let base: string;
  beforeAll(async () => {
    running = await startTestCheckout('pglite', { CREATE_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    base = running.checkout.url;
  });
  afterAll(() => running?.close());

  it('counts REST and tRPC creates together, whatever X-Forwarded-For says, and answers 429 JSON', async () => {
    expect((await restCreate(base, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(201);
    expect(
      (await trpcCreate(base, 'createPayment', { 'x-forwarded-for': '203.0.113.2' })).status,
    ).toBe(200);
    expect((await restCreate(base, { 'x-forwarded-for': '203.0.113.3' })).status).toBe(201);

    const refused = await restCreate(base, { 'x-forwarded-for': '198.51.100.7' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('wait a minute') },
    });

    const refusedTrpc = await trpcCreate(base, 'createPayment', {
      'x-forwarded-for': '198.51.100.8',
    });
    expect(refusedTrpc.status).toBe(429);
    const shape = z.object({
      error: z.object({
        json: z.object({ data: z.object({ code: z.string(), httpStatus: z.number() }) }),
      }),
    });
    expect(shape.parse(await refusedTrpc.json()).error.json.data).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      httpStatus: 429,
    });
  });

  it('refuses only the create of a batch: the call beside it still answers', async () => {
    const response = await trpcCreate(base, 'createPayment,reportRedirect');
    const results = z.array(z.unknown()).parse(await response.json());
    expect(JSON.stringify(results[0])).toContain('TOO_MANY_REQUESTS');
    expect(results[1]).toMatchObject({ result: { data: { json: { claim: expect.anything() } } } });
  });

  it('never limits reading a status', async () => {
    for (let i = 0; i < 10; i += 1) {
      expect((await fetch(`${base}/api/payment/status/260101_nope`)).status).toBe(404);
    }
  });
});

describe('behind a trusted proxy', () => {
  it.each([
    ['a hop count', '1'],
    ['the proxy subnet', '127.0.0.0/8'],
  ])(
    'TRUST_PROXY as %s: each real client has its own budget, spoofed entries change nothing',
    async (_label, trust) => {
      await withCheckout(
        { CREATE_RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: trust },
        async (base) => {
          // The proxy appends the address it saw; whatever the client wrote comes before it.
          const via = (spoofed: string, real: string) => ({
            'x-forwarded-for': `${spoofed}, ${real}`,
          });
          for (let i = 0; i < LIMIT; i += 1) {
            expect((await restCreate(base, via(`10.9.9.${i}`, '203.0.113.10'))).status).toBe(201);
          }
          expect((await restCreate(base, via('10.9.9.99', '203.0.113.10'))).status).toBe(429);
          expect(
            (await trpcCreate(base, 'createPayment', via('1.1.1.1', '203.0.113.10'))).status,
          ).toBe(429);
          expect((await restCreate(base, via('10.9.9.0', '203.0.113.11'))).status).toBe(201);
        },
      );
    },
  );
});

describe('CREATE_RATE_LIMIT_PER_MINUTE=0', () => {
  it('turns the limit off (for benchmarks)', async () => {
    await withCheckout({ CREATE_RATE_LIMIT_PER_MINUTE: '0' }, async (base) => {
      const statuses = await Promise.all(
        Array.from({ length: 8 }, () => restCreate(base).then((r) => r.status)),
      );
      expect(statuses).toEqual(Array.from({ length: 8 }, () => 201));
      expect((await restCreate(base)).headers.get('ratelimit')).toBeNull();
    });
  });
});
