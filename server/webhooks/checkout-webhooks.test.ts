// The whole checkout with MERCHANT_WEBHOOK_URL pointing at a real receiver: a payment made at the
// emulator reaches the merchant as one signed order.paid, a settled operator refund as order.refunded,
// and a signed callback with the wrong amount as order.payment_flagged. The receiver checks each one with
// verifyWebhook, as the README's receiver does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentCallbackBody } from '../testing/callback-bodies';
import {
  postJson as post,
  startTestCheckout,
  type TestCheckout,
} from '../testing/checkout-harness';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';
import { verifyWebhook } from './webhook-signature';

const SECRET = 'whsec-checkout-0123456789abcdefghijklmno';
const ADMIN_TOKEN = 'webhook-test-operator-token-0123';

let receiver: WebhookReceiver;
let testCheckout: TestCheckout;
let url: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  testCheckout = await startTestCheckout('pglite', {
    MERCHANT_WEBHOOK_URL: receiver.url,
    MERCHANT_WEBHOOK_SECRET: SECRET,
    ADMIN_TOKEN,
    REFUND_CHECK_INTERVAL_MS: '100',
  });
  url = testCheckout.checkout.url;
});
afterAll(async () => {
  await testCheckout?.close();
  await receiver?.close();
});

async function eventually<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for a webhook');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const webhookOf = (orderId: string, type: string) => () =>
  receiver.received.find((request) => request.orderId === orderId && request.type === type);

async function paidOrder(): Promise<{ orderId: string; appTransId: string }> {
  const order = (await (
    await post(`${url}/api/orders`, { lines: [{ sku: 'banh-mi', quantity: 2 }] })
  ).json()) as { order_id: string };
  const created = (await (
    await post(`${url}/api/payment/create`, { order_id: order.order_id })
  ).json()) as { app_trans_id: string };
  await testCheckout.emulator.pay(created.app_trans_id);
  return { orderId: order.order_id, appTransId: created.app_trans_id };
}

async function signIn(): Promise<string> {
  const response = await fetch(`${url}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: ADMIN_TOKEN }).toString(),
    redirect: 'manual',
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('webhooks from the running checkout', () => {
  it('sends one signed order.paid per paid merchant order', async () => {
    const { orderId, appTransId } = await paidOrder();
    const paid = await eventually(webhookOf(orderId, 'order.paid'));
    expect(verifyWebhook(paid.rawBody, paid.signature, [SECRET])).toMatchObject({ ok: true });
    expect(JSON.parse(paid.rawBody)).toMatchObject({
      type: 'order.paid',
      data: {
        order_id: orderId,
        total: 60_000,
        status: 'PAID',
        app_trans_id: appTransId,
        lines: [
          {
            sku: 'banh-mi',
            name_vi: 'Bánh mì',
            unit_price: 30_000,
            quantity: 2,
            line_total: 60_000,
          },
        ],
      },
    });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(
      /zalopay_checkout_webhook_deliveries_total\{outcome="delivered"\} [1-9]/,
    );
    expect(metrics).toMatch(/zalopay_checkout_webhook_oldest_undelivered_seconds \d/);
    // A repeated callback from ZaloPay is not a second sale.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(
      receiver.received.filter((r) => r.orderId === orderId && r.type === 'order.paid'),
    ).toHaveLength(1);
  });

  it('sends order.refunded with the amount and the total refunded so far', async () => {
    const { orderId, appTransId } = await paidOrder();
    const cookie = await signIn();
    await eventually(webhookOf(orderId, 'order.paid'));
    const refund = await fetch(`${url}/ops/orders/${appTransId}/refunds`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        amount: '20000',
        description: 'one bánh mì was cold',
        refund_token: 'webhookTestRefundTok01',
      }).toString(),
      redirect: 'manual',
    });
    expect(refund.status).toBe(303);
    const refunded = await eventually(webhookOf(orderId, 'order.refunded'));
    expect(verifyWebhook(refunded.rawBody, refunded.signature, [SECRET]).ok).toBe(true);
    expect(JSON.parse(refunded.rawBody)).toMatchObject({
      data: {
        order_id: orderId,
        amount: 20_000,
        total_refunded: 20_000,
        status: 'PARTIALLY_REFUNDED',
      },
    });
  });

  it("shows each delivery on the order's operator page, and Resend sends the same event again", async () => {
    const { orderId, appTransId } = await paidOrder();
    const first = await eventually(webhookOf(orderId, 'order.paid'));
    const cookie = await signIn();
    const page = await (
      await fetch(`${url}/ops/orders/${appTransId}`, { headers: { cookie } })
    ).text();
    expect(page).toContain('Webhook order.paid delivered');
    expect(page).toContain(`/webhooks/${first.id}/resend`);

    const resend = await fetch(`${url}/ops/orders/${appTransId}/webhooks/${first.id}/resend`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
    });
    expect(resend.status).toBe(303);
    await eventually(() => {
      const copies = receiver.received.filter((r) => r.id === first.id);
      return copies.length === 2 ? copies : undefined;
    });
    const copies = receiver.received.filter((r) => r.id === first.id);
    expect(copies[1]!.rawBody).toBe(first.rawBody);

    const stranger = await fetch(
      `${url}/ops/orders/${appTransId}/webhooks/evt_not_this_orders/resend`,
      {
        method: 'POST',
        headers: { cookie },
        redirect: 'manual',
      },
    );
    expect(stranger.status).toBe(404);
  });

  it('flags a signed callback with the wrong amount', async () => {
    const order = (await (
      await post(`${url}/api/orders`, { lines: [{ sku: 'banh-flan', quantity: 1 }] })
    ).json()) as {
      order_id: string;
    };
    const created = (await (
      await post(`${url}/api/payment/create`, { order_id: order.order_id })
    ).json()) as {
      app_trans_id: string;
    };
    const wrong = paymentCallbackBody({
      appTransId: created.app_trans_id,
      amount: 1_000,
      zpTransId: 261125000777001,
    });
    expect((await post(`${url}/api/zalopay/callback`, wrong)).status).toBe(200);
    const flagged = await eventually(webhookOf(order.order_id, 'order.payment_flagged'));
    expect(JSON.parse(flagged.rawBody)).toMatchObject({
      data: { reason: 'amount_mismatch', expected_amount: 25_000, received_amount: 1_000 },
    });
  });
});
