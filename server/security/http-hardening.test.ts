// The checkout's HTTP surface under attack-shaped requests: security headers and CSP, no CORS for
// foreign origins, body limits, malformed JSON, unguessable ids, and redirect targets nobody can steer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../trpc/router';
import {
  createOrder,
  postJson,
  startTestCheckout,
  type TestCheckout,
} from '../testing/checkout-harness';

let running: TestCheckout;
let base: string;

beforeAll(async () => {
  running = await startTestCheckout('pglite');
  base = running.checkout.url;
});
afterAll(() => running?.close());

function cspOf(response: Response): Map<string, string> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('security headers', () => {
  it('sends a CSP the built client runs under: everything from this origin, nothing inline, no framing', async () => {
    for (const path of ['/', '/order/confirmation?apptransid=x', '/api/payment/status/nope']) {
      const response = await fetch(`${base}${path}`);
      const csp = cspOf(response);
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self'");
      expect(csp.get('connect-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
      // Plain http on localhost: HSTS would be ignored, and upgrade-insecure-requests would break it.
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('adds HSTS and upgrade-insecure-requests when the public URL is https', async () => {
    const https = await startTestCheckout('pglite', {
      PUBLIC_BASE_URL: 'https://shop.example.vn',
      ZALOPAY_MODE: 'emulator',
    });
    try {
      const response = await fetch(`${https.checkout.url}/healthz`);
      expect(response.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect(cspOf(response).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await https.close();
    }
  });
});

describe('no CORS for foreign origins', () => {
  const evil = { origin: 'https://evil.example' };

  it.each([
    ['GET', '/api/payment/status/260101_abc'],
    ['POST', '/api/payment/create'],
    ['OPTIONS', '/api/payment/create'],
    ['OPTIONS', '/trpc/createPayment'],
    ['GET', '/trpc/getStatus?input=%7B%22json%22%3A%7B%22appTransId%22%3A%22x%22%7D%7D'],
    ['POST', '/api/zalopay/callback'],
  ])('%s %s carries no Access-Control-Allow-* header', async (method, path) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...evil,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    expect(response.status).toBeLessThan(500);
    for (const name of response.headers.keys()) expect(name).not.toMatch(/^access-control-allow/);
  });
});

describe('body limits and malformed bodies', () => {
  const big = 'x'.repeat(20 * 1024);

  it.each([
    ['/api/payment/create', JSON.stringify({ amount: 50_000, order_info: big })],
    ['/api/zalopay/callback', JSON.stringify({ data: big, mac: '0'.repeat(64), type: 1 })],
    ['/trpc/createPayment', JSON.stringify({ json: { amount: 50_000, description: big } })],
  ])('%s answers an oversized body with 413', async (path, body) => {
    const response = await postJson(`${base}${path}`, body);
    expect(response.status).toBe(413);
    expect(await response.text()).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it.each(['/api/payment/create', '/trpc/createPayment', '/api/zalopay/callback'])(
    '%s answers malformed JSON with 400 and no stack trace',
    async (path) => {
      const response = await postJson(`${base}${path}`, '{"amount": 5');
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules|SyntaxError/);
    },
  );
});

describe('order ids', () => {
  it('are unguessable (a 50-bit order reference), and guessed ones answer 404', async () => {
    const created = await Promise.all([1, 2, 3, 4, 5].map(() => createOrder(base)));
    const ids = created.map((order) => order.app_trans_id);
    // yymmdd_<10 characters of Crockford base32>_<attempt>
    for (const id of ids) expect(id).toMatch(/^\d{6}_[0-9A-HJKMNP-TV-Z]{10}_\d+$/);
    expect(new Set(ids).size).toBe(ids.length);

    const [first = ''] = ids;
    const prefix = first.slice(0, 7);
    const guesses = [
      `${prefix}000001`,
      `${prefix}123456`,
      `${prefix}2553_1700000000000`,
      `${first.slice(0, -1)}${first.endsWith('A') ? 'B' : 'A'}`,
      first.toUpperCase() === first ? first.toLowerCase() : first.toUpperCase(),
      `${first}x`,
    ];
    const trpc = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${base}/trpc`, transformer: superjson })],
    });
    for (const guess of guesses) {
      expect((await fetch(`${base}/api/payment/status/${encodeURIComponent(guess)}`)).status).toBe(
        404,
      );
      const error: unknown = await trpc.getStatus.query({ appTransId: guess }).catch((e) => e);
      expect(error).toBeInstanceOf(TRPCClientError);
      expect((error as TRPCClientError<AppRouter>).data?.code).toBe('NOT_FOUND');
    }
  });
});

const emulatorOrderSchema = z.looseObject({ embed_data: z.string(), callback_url: z.string() });

describe('redirect targets', () => {
  async function emulatorOrder(appTransId: string) {
    return emulatorOrderSchema.parse(await running.emulator.order(appTransId));
  }

  it('come from PUBLIC_BASE_URL only, whatever the create request or its Host header says', async () => {
    const hostile = 'https://evil.example/steal';
    const expected = {
      redirect: `${running.checkout.publicBaseUrl}/order/confirmation`,
      callback: `${running.checkout.publicBaseUrl}/api/zalopay/callback`,
    };
    const rest = await postJson(
      `${base}/api/payment/create`,
      {
        amount: 60_000,
        order_info: 'Redirect probe',
        redirect_url: hostile,
        redirecturl: hostile,
        callback_url: hostile,
        embed_data: JSON.stringify({ redirecturl: hostile }),
      },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    );
    expect(rest.status).toBe(201);
    const restId = z.object({ app_trans_id: z.string() }).parse(await rest.json()).app_trans_id;

    const products = await (await fetch(`${base}/trpc/listProducts`)).json();
    const sku = z
      .object({
        result: z.object({
          data: z.object({ json: z.object({ products: z.array(z.object({ sku: z.string() })) }) }),
        }),
      })
      .parse(products).result.data.json.products[0]?.sku;
    const merchantOrder = await postJson(`${base}/trpc/createOrder`, {
      json: { lines: [{ sku, quantity: 1 }], redirectUrl: hostile },
    });
    const orderId = z
      .object({
        result: z.object({ data: z.object({ json: z.object({ orderId: z.string() }) }) }),
      })
      .parse(await merchantOrder.json()).result.data.json.orderId;
    const trpc = await postJson(
      `${base}/trpc/createPayment`,
      { json: { orderId, redirectUrl: hostile, embed_data: { redirecturl: hostile } } },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    );
    expect(trpc.status).toBe(200);
    const trpcId = z
      .object({
        result: z.object({ data: z.object({ json: z.object({ appTransId: z.string() }) }) }),
      })
      .parse(await trpc.json()).result.data.json.appTransId;

    for (const id of [restId, trpcId]) {
      const order = await emulatorOrder(id);
      expect(JSON.parse(order.embed_data)).toEqual({ redirecturl: expected.redirect });
      expect(order.callback_url.startsWith(expected.callback)).toBe(true);
      expect(JSON.stringify(order)).not.toContain('evil.example');
    }
  });
});
