// The whole server as a merchant runs it (startCheckout: embedded emulator, PGlite, HTTP) driven over
// real HTTP: the REST contract of the frontend guide, the raw callback route, tRPC and the SPA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import type { RunningCheckout } from './checkout-server';
import type { AppRouter } from './trpc/router';
import { PUBLIC_SANDBOX_APPS } from './zalopay/sandbox-apps';
import { signRedirectQuery } from './zalopay';
import { paymentCallbackBody } from './testing/callback-bodies';
import {
  createOrder as createTestOrder,
  postJson as post,
  startTestCheckout,
  type TestCheckout,
} from './testing/checkout-harness';

const app2553 = PUBLIC_SANDBOX_APPS[0]!;
let testCheckout: TestCheckout;
let checkout: RunningCheckout;

beforeAll(async () => {
  testCheckout = await startTestCheckout('pglite');
  checkout = testCheckout.checkout;
});

afterAll(async () => {
  await testCheckout?.close();
});

const createOrder = (amount = 50_000, orderInfo = 'Thanh toán đơn hàng #12345') =>
  createTestOrder(checkout.url, amount, orderInfo);

async function restStatus(appTransId: string) {
  const response = await fetch(`${checkout.url}/api/payment/status/${appTransId}`);
  return { code: response.status, body: (await response.json()) as Record<string, unknown> };
}

const callbackFor = (appTransId: string, amount: number, zpTransId = 261121000000123) =>
  paymentCallbackBody({ appTransId, amount, zpTransId });

describe("REST contract (the README's REST API, the guide in e2e/frontend-guide/)", () => {
  it('creates an order and answers its verified status through to PAID', async () => {
    const order = await createOrder();
    expect(order.app_trans_id).toMatch(/^\d{6}_[A-Za-z0-9_-]+$/);
    expect(order.order_url).toMatch(/\/openinapp\?order=/);
    expect(await restStatus(order.app_trans_id)).toMatchObject({
      code: 200,
      body: { status: 'PENDING' },
    });

    const paid = await testCheckout.emulator.pay(order.app_trans_id);
    expect(paid.result).toBe('paid');
    expect(await restStatus(order.app_trans_id)).toMatchObject({
      code: 200,
      body: { status: 'PAID', detailed_status: 'PAID', amount: 50_000 },
    });
  });

  it.each([
    [{ amount: '50000', order_info: 'x' }, 'amount'],
    [{ amount: 50_000.5, order_info: 'x' }, 'amount'],
    [{ amount: 50_000 }, 'order_info'],
    [{ amount: 50_000, order_info: '   ' }, 'order_info'],
    [{ amount: 500, order_info: 'below the minimum' }, 'amount'],
    [{ amount: 60_000_000, order_info: 'above the maximum' }, 'amount'],
  ])('rejects %j naming the field %s', async (body, field) => {
    const response = await post(`${checkout.url}/api/payment/create`, body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { field: string; message: string } };
    expect(json.error.field).toBe(field);
    expect(json.error.message).toContain(field);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await post(`${checkout.url}/api/payment/create`, '{"amount": 5');
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'malformed_json', message: 'Request body is not valid JSON' },
    });
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('answers an unknown order id with 404', async () => {
    expect((await restStatus('991231_unknown')).code).toBe(404);
    expect((await restStatus('x'.repeat(80))).code).toBe(404);
  });

  it('says nothing about the framework', async () => {
    const response = await fetch(`${checkout.url}/healthz`);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /api/zalopay/callback', () => {
  it('acknowledges a valid callback (and its repeat) and the order is PAID once', async () => {
    const order = await createOrder(75_000);
    const body = callbackFor(order.app_trans_id, 75_000);
    for (let i = 0; i < 2; i += 1) {
      const response = await post(`${checkout.url}/api/zalopay/callback`, body);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ return_code: 1, return_message: 'success' });
    }
    expect((await restStatus(order.app_trans_id)).body.status).toBe('PAID');
  });

  it('rejects a tampered callback with HTTP 400 and changes nothing', async () => {
    const order = await createOrder(80_000);
    const tampered = callbackFor(order.app_trans_id, 80_000).replace('80000', '80001');
    const response = await post(`${checkout.url}/api/zalopay/callback`, tampered);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { return_code: number }).return_code).toBe(-1);
    expect((await restStatus(order.app_trans_id)).body.status).toBe('PENDING');
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = JSON.stringify({ data: 'x'.repeat(20_000), mac: '0'.repeat(64), type: 1 });
    const response = await post(`${checkout.url}/api/zalopay/callback`, huge);
    expect(response.status).toBe(413);
  });
});

describe('tRPC', () => {
  const trpc = () =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${checkout.url}/trpc`, transformer: superjson })],
    });

  it('lists the catalogue, prices a cart on the server, pays it and reads its status with Dates intact', async () => {
    const { products } = await trpc().listProducts.query();
    expect(products.map((p) => p.sku)).toEqual(['ca-phe-sua-da', 'banh-mi', 'banh-flan']);
    const order = await trpc().createOrder.mutate({
      lines: [
        { sku: 'ca-phe-sua-da', quantity: 2 },
        { sku: 'banh-flan', quantity: 1 },
      ],
    });
    expect(order).toMatchObject({ status: 'AWAITING_PAYMENT', total: 95_000, attempts: [] });
    expect(order.createdAt).toBeInstanceOf(Date);

    const created = await trpc().createPayment.mutate({ orderId: order.orderId });
    expect(created).toMatchObject({ status: 'PENDING', amount: 95_000, orderId: order.orderId });
    expect(created.appTransId).toMatch(new RegExp(`^\\d{6}_${order.orderId}_1$`));
    expect(created.expiresAt).toBeInstanceOf(Date);
    const status = await trpc().getStatus.query({ appTransId: created.appTransId });
    expect(status).toMatchObject({ appTransId: created.appTransId, amount: 95_000 });
    const again = await trpc().getOrder.query({ orderId: order.orderId });
    expect(again.livePayment).toMatchObject({
      appTransId: created.appTransId,
      orderUrl: created.orderUrl,
    });
  });

  it('names the bad line and field, from zod and from the catalogue alike', async () => {
    for (const lines of [
      [{ sku: 'banh-mi', quantity: 0 }],
      [{ sku: 'banh-mi', quantity: 100 }],
      [],
      [
        { sku: 'banh-mi', quantity: 1 },
        { sku: 'no-such-thing', quantity: 1 },
      ],
    ]) {
      const error = await trpc()
        .createOrder.mutate({ lines })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCClientError);
      const data = (error as TRPCClientError<AppRouter>).data;
      expect(data?.code).toBe('BAD_REQUEST');
      expect(data?.zodError?.fieldErrors).toHaveProperty('lines');
    }
    await expect(
      trpc().createOrder.mutate({
        lines: [
          { sku: 'banh-mi', quantity: 1 },
          { sku: 'no-such-thing', quantity: 1 },
        ],
      }),
    ).rejects.toThrow('lines[1].sku: no-such-thing is not a product of this shop');
  });

  it('will not take a payment for an order that is not there', async () => {
    await expect(trpc().createPayment.mutate({ orderId: 'NOSUCHORDER' })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
  });

  it('answers an unknown order with NOT_FOUND', async () => {
    const error = await trpc()
      .getStatus.query({ appTransId: '991231_unknown' })
      .catch((e: unknown) => e);
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe('NOT_FOUND');
  });

  it('reads a genuine cancel redirect as a hint and a forged one as unverified', async () => {
    const order = await createOrder(30_000);
    const genuine = signRedirectQuery(
      {
        appid: app2553.appId,
        apptransid: order.app_trans_id,
        pmcid: 0,
        bankcode: '',
        amount: 30_000,
        discountamount: 0,
        status: -49,
      },
      app2553.key2,
    );
    const hint = await trpc().reportRedirect.mutate({
      query: Object.fromEntries(genuine),
    });
    expect(hint).toEqual({ appTransId: order.app_trans_id, claim: 'cancelled' });

    const forged = { ...Object.fromEntries(genuine), status: '1' };
    const forgedHint = await trpc().reportRedirect.mutate({ query: forged });
    expect(forgedHint.claim).toBe('unverified');
    expect((await restStatus(order.app_trans_id)).body.status).toBe('PENDING');
  });
});

describe('the React client', () => {
  it('is served for the confirmation page on a hard load, and /api stays JSON', async () => {
    const page = await fetch(`${checkout.url}/order/confirmation?apptransid=1&status=1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Cà Phê Demo</title>');
    const api = await fetch(`${checkout.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers the shop, a checkout and the confirmation 200, and a path no page has 404', async () => {
    for (const path of [
      '/',
      '/checkout/7K3QMX9P2A',
      '/checkout/7K3QMX9P2A/',
      '/order/confirmation',
    ]) {
      const page = await fetch(`${checkout.url}${path}`);
      expect(page.status, path).toBe(200);
    }
    for (const path of ['/no-such-page', '/checkout', '/checkout/a/b', '/order']) {
      const page = await fetch(`${checkout.url}${path}`);
      expect(page.status, path).toBe(404);
      // The same document, storefront inlined: the client shows its not-found page in the shopper's language.
      expect(await page.text()).toContain('<script type="application/json" id="storefront">');
    }
  });
});
