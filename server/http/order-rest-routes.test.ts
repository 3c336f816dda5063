// The REST contract of merchant orders over real HTTP against the whole checkout: the catalogue in the
// shopper's language, carts priced by the server, paying an order by its reference, and the guide's
// client-amount body allowed only where ACCEPT_CLIENT_AMOUNTS says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postJson as post,
  startTestCheckout,
  type TestCheckout,
} from '../testing/checkout-harness';

let testCheckout: TestCheckout;
let url: string;

beforeAll(async () => {
  testCheckout = await startTestCheckout('pglite');
  url = testCheckout.checkout.url;
});
afterAll(() => testCheckout?.close());

interface OrderBody {
  order_id: string;
  total: number;
  status: string;
  lines: Array<{ sku: string; name: string; unit_price: number; quantity: number }>;
  attempts: Array<{ app_trans_id: string; status: string }>;
  receipt: { zp_trans_id: string; method: string } | null;
}

async function newOrder(lines: unknown = [{ sku: 'banh-mi', quantity: 2 }]) {
  const response = await post(`${url}/api/orders`, { lines });
  expect(response.status).toBe(201);
  return (await response.json()) as OrderBody;
}

describe('GET /api/products', () => {
  it('lists the catalogue with names in Vietnamese by default, English on request', async () => {
    const vi = await (await fetch(`${url}/api/products`)).json();
    expect(vi).toEqual({
      products: [
        { sku: 'ca-phe-sua-da', name: 'Cà phê sữa đá', unit_price: 35_000 },
        { sku: 'banh-mi', name: 'Bánh mì', unit_price: 30_000 },
        { sku: 'banh-flan', name: 'Bánh flan', unit_price: 25_000 },
      ],
    });
    const en = await (
      await fetch(`${url}/api/products`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })
    ).json();
    expect(en.products[0]).toEqual({
      sku: 'ca-phe-sua-da',
      name: 'Iced milk coffee',
      unit_price: 35_000,
    });
  });
});

describe('POST /api/orders', () => {
  it('prices the cart on the server and answers 201 with the order', async () => {
    const order = await newOrder([
      { sku: 'ca-phe-sua-da', quantity: 2, unit_price: 1 },
      { sku: 'banh-flan', quantity: 1 },
    ]);
    expect(order).toMatchObject({
      status: 'AWAITING_PAYMENT',
      total: 95_000,
      lines: [
        { sku: 'ca-phe-sua-da', unit_price: 35_000, quantity: 2, line_total: 70_000 },
        { sku: 'banh-flan', unit_price: 25_000, quantity: 1, line_total: 25_000 },
      ],
    });
    expect(order.order_id).toMatch(/^[0-9A-Z]{10}$/);
  });

  it.each([
    [{ lines: [] }, 'lines'],
    [{}, 'lines'],
    [{ lines: [{ sku: 'banh-mi', quantity: 0 }] }, 'lines[0].quantity'],
    [{ lines: [{ sku: 'banh-mi', quantity: 100 }] }, 'lines[0].quantity'],
    [{ lines: [{ sku: 'banh-mi', quantity: 1.5 }] }, 'lines[0].quantity'],
    [
      {
        lines: [
          { sku: 'banh-mi', quantity: 1 },
          { sku: 'pho', quantity: 1 },
        ],
      },
      'lines[1].sku',
    ],
    [{ lines: [{ sku: 'banh\u0000mi', quantity: 1 }] }, 'lines[0].sku'],
    [
      {
        lines: [
          { sku: 'banh-mi', quantity: 1 },
          { sku: 'banh-mi', quantity: 1 },
        ],
      },
      'lines[1].sku',
    ],
  ])('answers %j with 400 naming %s', async (body, field) => {
    const response = await post(`${url}/api/orders`, body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as {
      error: { code: string; field: string; message: string };
    };
    expect(json.error).toMatchObject({ code: 'invalid_input', field });
    expect(json.error.message).toContain(field);
  });
});

describe('GET /api/orders/{order_id}', () => {
  it('answers the order with its attempts, and its receipt once paid', async () => {
    const order = await newOrder();
    const created = await post(`${url}/api/payment/create`, { order_id: order.order_id });
    expect(created.status).toBe(201);
    const { app_trans_id: appTransId } = (await created.json()) as { app_trans_id: string };
    const pending = (await (
      await fetch(`${url}/api/orders/${order.order_id}`)
    ).json()) as OrderBody;
    expect(pending.attempts).toEqual([
      expect.objectContaining({ app_trans_id: appTransId, status: 'PENDING' }),
    ]);

    await testCheckout.emulator.pay(appTransId, { channel: 36 });
    const paid = (await (await fetch(`${url}/api/orders/${order.order_id}`)).json()) as OrderBody;
    expect(paid.status).toBe('PAID');
    expect(paid.receipt).toMatchObject({
      method: 'card',
      zp_trans_id: expect.stringMatching(/^\d+$/),
    });
  });

  it('answers 404 for an unknown or malformed reference', async () => {
    for (const id of ['NOSUCHORDR', 'x'.repeat(80), "1' or '1'='1"]) {
      const response = await fetch(`${url}/api/orders/${encodeURIComponent(id)}`);
      expect(response.status).toBe(404);
    }
  });
});

describe('POST /api/payment/create with an order_id', () => {
  it('takes the amount from the order, and the same attempt when asked again', async () => {
    const order = await newOrder();
    const first = await (
      await post(`${url}/api/payment/create`, { order_id: order.order_id })
    ).json();
    const again = await post(`${url}/api/payment/create`, {
      order_id: order.order_id,
      amount: 60_000,
    });
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({
      app_trans_id: first.app_trans_id,
      order_url: first.order_url,
      order_id: order.order_id,
    });
    const truth = await testCheckout.emulator.order(first.app_trans_id);
    expect(truth.amount).toBe(60_000);
  });

  it('refuses a lower amount than the order total with 400 naming amount', async () => {
    const order = await newOrder();
    const response = await post(`${url}/api/payment/create`, {
      order_id: order.order_id,
      amount: 1_000,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_input', field: 'amount' },
    });
    expect(
      ((await (await fetch(`${url}/api/orders/${order.order_id}`)).json()) as OrderBody).attempts,
    ).toEqual([]);
  });

  it('answers 409 already_paid for an order that is paid, and 404 for an unknown one', async () => {
    const order = await newOrder();
    const created = await (
      await post(`${url}/api/payment/create`, { order_id: order.order_id })
    ).json();
    await testCheckout.emulator.pay(created.app_trans_id);
    const again = await post(`${url}/api/payment/create`, { order_id: order.order_id });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: 'already_paid', field: 'order_id' },
    });
    const unknown = await post(`${url}/api/payment/create`, { order_id: 'NOSUCHORDR' });
    expect(unknown.status).toBe(404);
  });

  it('answers the status at the sequence diagram path exactly as at the guide path', async () => {
    const order = await newOrder();
    const created = await (
      await post(`${url}/api/payment/create`, { order_id: order.order_id })
    ).json();
    const guide = await fetch(`${url}/api/payment/status/${created.app_trans_id}`);
    const diagram = await fetch(`${url}/api/zalopay/status/${created.app_trans_id}`);
    expect(diagram.status).toBe(guide.status);
    expect(await diagram.json()).toEqual(await guide.json());
    const malformed = await fetch(`${url}/api/zalopay/status/a%00b`);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { field: 'app_trans_id' } });
  });
});

describe('ACCEPT_CLIENT_AMOUNTS', () => {
  it('is on in emulator mode: the guide body makes a one-off order for its amount', async () => {
    const response = await post(`${url}/api/payment/create`, {
      amount: 50_000,
      order_info: 'Payment for Order #12345',
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    const order = (await (await fetch(`${url}/api/orders/${body.order_id}`)).json()) as OrderBody;
    expect(order).toMatchObject({
      total: 50_000,
      lines: [{ sku: null, quantity: 1, unit_price: 50_000 }],
    });
  });

  it('when false, refuses the guide body with 403 client_amounts_disabled naming the setting', async () => {
    const strict = await startTestCheckout('pglite', { ACCEPT_CLIENT_AMOUNTS: 'false' });
    try {
      const response = await post(`${strict.checkout.url}/api/payment/create`, {
        amount: 1_000,
        order_info: 'Payment for Order #12345',
      });
      expect(response.status).toBe(403);
      const json = (await response.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('client_amounts_disabled');
      expect(json.error.message).toContain('ACCEPT_CLIENT_AMOUNTS');
    } finally {
      await strict.close();
    }
  });
});
