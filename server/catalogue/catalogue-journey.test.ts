// A merchant's own product from /ops to a paid order, over real HTTP on the whole checkout: the order
// and its signed order.paid webhook carry the names the operator typed, and a price change afterwards
// leaves that order (its lines, its total, its attempt's amount) as it was bought.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { multipartForm, pngImage } from '../testing/catalogue-uploads';
import {
  postJson as post,
  startTestCheckout,
  type TestCheckout,
} from '../testing/checkout-harness';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';

const ADMIN_TOKEN = 'catalogue-journey-admin-token-0123';
const SECRET = 'whsec-catalogue-0123456789abcdefghijklmno';

let receiver: WebhookReceiver;
let running: TestCheckout;
let url: string;
let cookie: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  running = await startTestCheckout('pglite', {
    ADMIN_TOKEN,
    MERCHANT_WEBHOOK_URL: receiver.url,
    MERCHANT_WEBHOOK_SECRET: SECRET,
  });
  url = running.checkout.url;
  const signedIn = await fetch(`${url}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: ADMIN_TOKEN }),
    redirect: 'manual',
  });
  cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(async () => {
  await running?.close();
  await receiver?.close();
});

const ops = (path: string, fields: Record<string, string>) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { cookie, origin: url },
    body: multipartForm(fields, [
      { field: 'image', bytes: pngImage(8), name: 'tea.png', type: 'image/png' },
    ]),
    redirect: 'manual',
  });

it('sells the operator’s product under its names, and a later price change rewrites nothing', async () => {
  const product = { sku: 'tra-sua-may', name_vi: 'Trà sữa Mây', name_en: 'Cloud milk tea' };
  expect((await ops('/ops/products', { ...product, unit_price: '45000' })).status).toBe(303);

  const ordered = await post(`${url}/api/orders`, { lines: [{ sku: product.sku, quantity: 2 }] });
  expect(ordered.status).toBe(201);
  const { order_id: orderId } = (await ordered.json()) as { order_id: string };
  const created = (await (
    await post(`${url}/api/payment/create`, { order_id: orderId })
  ).json()) as {
    app_trans_id: string;
  };
  await running.emulator.pay(created.app_trans_id);

  let paid: { rawBody: string } | undefined;
  for (let waited = 0; !paid && waited < 15_000; waited += 50) {
    paid = receiver.received.find((hook) => hook.orderId === orderId && hook.type === 'order.paid');
    if (!paid) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(JSON.parse(paid?.rawBody ?? '{}')).toMatchObject({
    data: {
      total: 90_000,
      lines: [
        { sku: product.sku, name_vi: 'Trà sữa Mây', name_en: 'Cloud milk tea', unit_price: 45_000 },
      ],
    },
  });

  expect(
    (await ops(`/ops/products/${product.sku}`, { ...product, name_en: 'Tea', unit_price: '99000' }))
      .status,
  ).toBe(303);
  const order = (await (await fetch(`${url}/api/orders/${orderId}`)).json()) as {
    total: number;
    lines: unknown[];
    receipt: { amount: number };
  };
  expect(order.total).toBe(90_000);
  expect(order.receipt.amount).toBe(90_000);
  expect(order.lines).toMatchObject([
    { sku: product.sku, name: 'Trà sữa Mây', unit_price: 45_000, quantity: 2 },
  ]);
});
