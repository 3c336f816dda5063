// A small merchant shop of its own for merchant-shop.spec.ts: a separate Express app on loopback, as a
// shop's back end would use the merchant API. "Buy" makes an order of free lines through POST
// /api/v1/orders and sends the browser to its checkout_url; /thanks reads the order back with the key;
// its webhook receiver checks the Checkout-Signature as docs/merchant-api.md shows and keeps each event.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';

export interface ReceivedEvent {
  type: string;
  data: { order_id: string; merchant_reference: string | null; status?: string };
}

export interface MerchantShop {
  origin: string;
  /** The webhook events that arrived with a valid signature, in order. */
  events: ReceivedEvent[];
  /** Deliveries refused for a bad signature (should stay 0). */
  refused: number;
  close(): Promise<void>;
}

export interface MerchantShopOptions {
  port: number;
  /** The checkout's base URL (its /api/v1). */
  checkoutUrl: string;
  apiKey: string;
  webhookSecret: string;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;

/** `t=<unix>,v1=<hex>`: HMAC-SHA256 of "<t>.<raw body>" with the shared secret, t within 5 minutes. */
function validSignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  const parts = (header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]);
  const t = Number(parts.find(([name]) => name === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(raw).digest();
  // Two v1 during a secret rotation: either may be ours.
  return parts.some(
    ([name, v1]) =>
      name === 'v1' &&
      /^[0-9a-f]{64}$/.test(v1) &&
      timingSafeEqual(Buffer.from(v1, 'hex'), expected),
  );
}

export async function startMerchantShop(options: MerchantShopOptions): Promise<MerchantShop> {
  const origin = `http://127.0.0.1:${options.port}`;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${options.checkoutUrl}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
  const shop: MerchantShop = { origin, events: [], refused: 0, close: async () => {} };
  let sequence = 0;

  const app = express();
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.get('/', (_req, res) => {
    res.send(
      page(
        'Hoodie shop',
        '<h1>Hoodie shop</h1><form method="post" action="/buy"><button>Buy with ZaloPay</button></form>',
      ),
    );
  });
  app.post('/buy', async (_req, res) => {
    sequence += 1;
    const reference = `WC-${Date.now()}-${sequence}`;
    const answer = await api('/orders', {
      method: 'POST',
      headers: { 'idempotency-key': reference },
      body: JSON.stringify({
        lines: [
          { name: 'Áo hoodie, size M', unit_price: 250_000, quantity: 1 },
          { name: 'Phí giao hàng', unit_price: 30_000, quantity: 1 },
        ],
        merchant_reference: reference,
        metadata: { channel: 'e2e' },
        return_url: `${origin}/thanks`,
        cancel_url: `${origin}/cart`,
        expires_in_seconds: 900,
      }),
    });
    const order = (await answer.json()) as { checkout_url?: string };
    if (answer.status !== 201 || !order.checkout_url) {
      res.status(502).send(page('Error', `<h1>Order failed: ${answer.status}</h1>`));
      return;
    }
    res.redirect(303, order.checkout_url);
  });
  app.get('/thanks', async (req, res) => {
    const orderId = String(req.query.order_id ?? '');
    const answer = await api(`/orders/${encodeURIComponent(orderId)}`);
    const order = (await answer.json()) as { merchant_reference?: string; status?: string };
    res.send(
      page(
        'Thank you',
        `<h1>Thank you</h1><p data-testid="order-status">${order.merchant_reference}: ${order.status}</p>`,
      ),
    );
  });
  app.get('/cart', (req, res) => {
    res.send(
      page(
        'Your cart',
        `<h1>Your cart</h1><p>Order ${String(req.query.order_id)} left unpaid.</p>`,
      ),
    );
  });
  app.post('/webhooks/checkout', express.raw({ type: 'application/json' }), (req, res) => {
    const raw = req.body as Buffer;
    if (!validSignature(raw, req.get('checkout-signature'), options.webhookSecret)) {
      shop.refused += 1;
      res.status(400).end();
      return;
    }
    shop.events.push(JSON.parse(raw.toString('utf8')) as ReceivedEvent);
    res.status(200).json({ received: true });
  });

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(options.port, '127.0.0.1', () => resolve(listening));
  });
  shop.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return shop;
}
