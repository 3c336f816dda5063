// Test support: a real HTTP receiver of the merchant's webhooks on 127.0.0.1 that keeps every request's
// raw body and signature, answers as a test scripts it, and notices a second delivery of an event
// arriving while the first is still being answered (two instances sending the same event at once).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { text } from 'node:stream/consumers';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReceivedWebhook {
  rawBody: string;
  signature: string | undefined;
  id: string;
  type: string;
  orderId: string | undefined;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Ids that arrived while a delivery of the same id was in flight. */
  overlapping: string[];
  /** The status to answer the next request with; 200 by default. */
  answer: (request: ReceivedWebhook) => number;
  /** How long each answer takes. */
  delayMs: number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const inFlight = new Set<string>();
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    overlapping: [],
    answer: () => 200,
    delayMs: 0,
    close: async () => undefined,
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const rawBody = await text(req);
      const parsed = JSON.parse(rawBody) as {
        id: string;
        type: string;
        data?: { order_id?: string };
      };
      const request: ReceivedWebhook = {
        rawBody,
        signature: req.headers['checkout-signature'] as string | undefined,
        id: parsed.id,
        type: parsed.type,
        orderId: parsed.data?.order_id,
        at: Date.now(),
      };
      if (inFlight.has(request.id)) receiver.overlapping.push(request.id);
      inFlight.add(request.id);
      receiver.received.push(request);
      if (receiver.delayMs > 0) await sleep(receiver.delayMs);
      inFlight.delete(request.id);
      res.writeHead(receiver.answer(request), { 'content-type': 'text/plain' }).end('ok');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/zalopay-checkout`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}
