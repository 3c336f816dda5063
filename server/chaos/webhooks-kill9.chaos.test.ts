// Issue 13: kill -9 of the server while its webhooks are on their way to the merchant. After a restart
// every paid merchant order's order.paid reaches the receiver, always under one event id (a repeat only
// for a delivery the kill interrupted), each with a signature the merchant's secret verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runConcurrently } from '../workers/run-concurrently';
import { freePort } from '../testing/child-process-lifecycle';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';
import { verifyWebhook } from '../webhooks/webhook-signature';
import { chaosDatabaseReachable } from './chaos-scenario';
import { setUpChaosStage, type ChaosStage } from './chaos-stage';
import { createOrders } from './one-off-orders';
import { waitUntil } from './wait-until';

const ORDERS = 200;
const SECRET = 'whsec-chaos-0123456789abcdefghijklmnopq';

describe.skipIf(!chaosDatabaseReachable)('kill -9 with webhooks undelivered', () => {
  let stage: ChaosStage;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    // A slow receiver: deliveries are in flight when the process dies.
    receiver.delayMs = 40;
    stage = await setUpChaosStage({
      env: {
        MERCHANT_WEBHOOK_URL: receiver.url,
        MERCHANT_WEBHOOK_SECRET: SECRET,
        // The receiver is this test process on 127.0.0.1, and the instances run with NODE_ENV=production.
        MERCHANT_WEBHOOK_ALLOW_PRIVATE: 'true',
        POLL_INTERVAL_MS: '10000',
        POLL_TICK_MS: '500',
      },
    });
  });
  afterAll(async () => {
    await stage?.close();
    await receiver?.close();
  });

  it('delivers every order.paid after the restart, each under one id', async () => {
    const port = await freePort();
    const beforeKill = await stage.startInstance({}, port);
    const ids = await createOrders([beforeKill.url], ORDERS);
    await runConcurrently(ids, 20, (id) => stage.admin.tryPay(id).then(() => undefined));
    const someArrived = await waitUntil(async () => receiver.received.length >= ORDERS / 10, {
      limitMs: 30_000,
      everyMs: 20,
    });
    expect(someArrived).not.toBeNull();
    await beforeKill.kill9();
    const beforeRestart = receiver.received.length;
    console.info(
      `webhooks kill -9: ${beforeRestart} of ${ORDERS} order.paid received before the kill`,
    );
    expect(beforeRestart).toBeLessThan(ORDERS);

    const afterRestart = await stage.startInstance({}, port);
    const paidOrders = new Set(
      z
        .array(z.object({ id: z.string() }))
        .parse(
          await stage.database
            .sql`select id from merchant_orders where status in ('PAID', 'FULFILLED')`,
        )
        .map((row) => row.id),
    );
    expect(paidOrders.size).toBe(ORDERS);
    // Events the dead process had claimed wait for their lease (30 s) to run out.
    const allInMs = await waitUntil(
      async () => new Set(receiver.received.map((r) => r.orderId)).size >= paidOrders.size,
      { limitMs: 60_000, everyMs: 250 },
    );
    console.info(
      `webhooks kill -9: every order.paid received ${allInMs === null ? 'never' : `${Math.round(allInMs)} ms`} after the restart; ${receiver.received.length} requests in all`,
    );
    expect(allInMs).not.toBeNull();
    expect(afterRestart.alive()).toBe(true);

    const idsByOrder = new Map<string, Set<string>>();
    for (const request of receiver.received) {
      expect(request.type).toBe('order.paid');
      expect(verifyWebhook(request.rawBody, request.signature, [SECRET]).ok).toBe(true);
      const seen = idsByOrder.get(request.orderId ?? '') ?? new Set<string>();
      seen.add(request.id);
      idsByOrder.set(request.orderId ?? '', seen);
    }
    expect(new Set(idsByOrder.keys())).toEqual(paidOrders);
    for (const eventIds of idsByOrder.values()) expect(eventIds.size).toBe(1);
  });
});
