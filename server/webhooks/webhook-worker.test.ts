// The webhook outbox delivered to a real HTTP receiver, on every driver: retried until a 2xx with the
// same id and body, signed with the secret, in order per merchant order, never following a redirect,
// and shared by two instances without an event sent by both at once.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle } from '../../db/create-db';
import { webhookDeliveries, webhookEvents } from '../../db/schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../testing/test-database';
import { silentLogger } from '../logger';
import { applyPaymentInput } from '../payments/attempts/attempt-transitions';
import { runConcurrently } from '../workers/run-concurrently';
import { recordWebhookEvent } from '../payments/outbox/webhook-events';
import { insertStoredOrder } from '../testing/stored-orders';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';
import { verifyWebhook } from './webhook-signature';
import { retryDelayMs, startWebhookWorker, type WebhookWorkerDeps } from './webhook-worker';

const SECRET = 'whsec-test-0123456789abcdefghijklmnopqr';
const OTHER_SECRET = 'whsec-other-0123456789abcdefghijklmnopq';

describe.each(testDatabaseDrivers())('webhook delivery on %s', (driver) => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let clockMs = Date.parse('2026-11-25T03:00:00.000Z');
  const now = () => new Date(clockMs);

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.dispose();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.answer = () => 200;
    receiver.delayMs = 0;
  });

  const worker = (overrides: Partial<WebhookWorkerDeps> = {}) =>
    startWebhookWorker({
      database,
      url: new URL(receiver.url),
      secrets: [SECRET],
      log: silentLogger(),
      now,
      intervalMs: 3_600_000,
      ...overrides,
    });

  /** A merchant order paid through the real transition: its order.paid event is in the outbox. */
  async function paidOrder(amount = 25_000) {
    const attempt = await insertStoredOrder(database.db, { amount, at: now() });
    await applyPaymentInput(
      { db: database.db, log: silentLogger(), now },
      attempt.id,
      { kind: 'callback', payload: {} },
      {
        to: 'PAID',
        zpTransId: `2611250${Math.floor(Math.random() * 1e9)}`,
        paidAt: now(),
        via: 'callback',
        channel: 38,
      },
    );
    return attempt;
  }

  it('retries a receiver that answers 500 twice: three attempts, one delivery, one id, valid signatures', async () => {
    const paidAt = now().toISOString();
    const attempt = await paidOrder(31_000);
    let calls = 0;
    receiver.answer = () => (++calls <= 2 ? 500 : 200);
    const delivery = worker();
    try {
      for (let round = 0; round < 3; round += 1) {
        await delivery.drain();
        clockMs += 60_000;
      }
    } finally {
      await delivery.stop();
    }
    const mine = receiver.received.filter((r) => r.orderId === attempt.shopOrderId);
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((r) => r.id)).size).toBe(1);
    expect(new Set(mine.map((r) => r.rawBody)).size).toBe(1);
    // Signed on the test clock, which is not the system clock: the timestamp check is the signature
    // module's own test; here the signature itself is checked.
    const anyTime = { toleranceSeconds: Number.MAX_SAFE_INTEGER };
    for (const request of mine) {
      expect(verifyWebhook(request.rawBody, request.signature, [SECRET], anyTime).ok).toBe(true);
      expect(verifyWebhook(request.rawBody, request.signature, [OTHER_SECRET], anyTime).ok).toBe(
        false,
      );
    }
    const body = JSON.parse(mine[0]!.rawBody) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'order.paid',
      id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      created: expect.any(Number),
      data: {
        order_id: attempt.shopOrderId,
        total: 31_000,
        status: 'PAID',
        app_trans_id: attempt.appTransId,
        zp_trans_id: expect.stringMatching(/^\d+$/),
        paid_at: paidAt,
        lines: [
          {
            sku: null,
            name_vi: 'test',
            name_en: 'test',
            unit_price: 31_000,
            quantity: 1,
            line_total: 31_000,
          },
        ],
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/key|mac|token/i);
    const [event] = await database.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.id, mine[0]!.id));
    expect(event).toMatchObject({ status: 'DELIVERED', attempts: 3 });
    const attempts = await database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.eventId, event!.id));
    expect(attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(attempts[0]!.error).toContain('HTTP 500');
  });

  it('keeps the events of one order in order, and does not follow redirects', async () => {
    const attempt = await paidOrder(32_000);
    await recordWebhookEvent(database.db, {
      shopOrderId: attempt.shopOrderId,
      type: 'order.refunded',
      data: { order_id: attempt.shopOrderId, amount: 1_000 },
      now: now(),
    });
    receiver.answer = () => 302;
    const delivery = worker();
    try {
      await delivery.drain();
      const sent = receiver.received.filter((r) => r.orderId === attempt.shopOrderId);
      expect(sent.map((r) => r.type)).toEqual(['order.paid']);
      const [paidEvent] = await database.db
        .select()
        .from(webhookEvents)
        .where(eq(webhookEvents.id, sent[0]!.id));
      expect(paidEvent).toMatchObject({ status: 'PENDING' });
      expect(paidEvent!.lastError).toContain('redirects are not followed');

      receiver.answer = () => 204;
      clockMs += 60_000;
      await delivery.drain();
      await delivery.drain();
      expect(
        receiver.received.filter((r) => r.orderId === attempt.shopOrderId).map((r) => r.type),
      ).toEqual(['order.paid', 'order.paid', 'order.refunded']);
    } finally {
      await delivery.stop();
    }
  });

  it('gives up after three days: a failing receiver, and an event no instance ever sent', async () => {
    const failing = await paidOrder(33_000);
    receiver.answer = () => 503;
    const outcomes: string[] = [];
    const delivery = worker({ onAttempt: (outcome) => outcomes.push(outcome) });
    try {
      await delivery.drain();
      clockMs += 3 * 24 * 3_600_000;
      const unsent = await paidOrder(34_000);
      clockMs += 1_000;
      await delivery.drain();
      // The three-day-old event is given up without another attempt; the fresh one is tried (and fails).
      expect(outcomes).toEqual(['retrying', 'gave_up', 'retrying']);
      const failed = await database.db
        .select()
        .from(webhookEvents)
        .where(eq(webhookEvents.shopOrderId, failing.shopOrderId));
      expect(failed[0]).toMatchObject({ status: 'FAILED', attempts: 1 });
      expect(receiver.received.filter((r) => r.orderId === failing.shopOrderId)).toHaveLength(1);
      expect(receiver.received.filter((r) => r.orderId === unsent.shopOrderId)).toHaveLength(1);
    } finally {
      await delivery.stop();
    }
    const stale = await paidOrder(35_000);
    clockMs += 3 * 24 * 3_600_000 + 1;
    const later = worker();
    try {
      await later.drain();
    } finally {
      await later.stop();
    }
    const [given] = await database.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.shopOrderId, stale.shopOrderId));
    expect(given).toMatchObject({ status: 'FAILED', attempts: 0 });
    expect(receiver.received.filter((r) => r.orderId === stale.shopOrderId)).toEqual([]);
  });

  it('retries first within 10 s, then backs off with jitter', () => {
    expect(retryDelayMs(1, () => 1)).toBeLessThanOrEqual(10_000);
    expect(retryDelayMs(1, () => 0)).toBeGreaterThan(0);
    expect(retryDelayMs(4, () => 0)).toBeGreaterThan(retryDelayMs(1, () => 1));
    expect(retryDelayMs(40, () => 1)).toBe(3_600_000);
  });

  it.skipIf(driver !== 'postgres')(
    'shares 500 paid orders between two instances: each delivered, none by both at once',
    async () => {
      const second: DatabaseHandle = await createDb({
        databaseUrl: database.url,
        maxConnections: 5,
      });
      const orders: string[] = [];
      await runConcurrently(
        Array.from({ length: 500 }, (_, i) => i),
        10,
        async (i) => {
          orders.push((await paidOrder(40_000 + i)).shopOrderId);
        },
      );
      receiver.delayMs = 5;
      const instances = [worker(), worker({ database: second })];
      try {
        for (let round = 0; round < 30; round += 1) {
          await Promise.all(instances.map((instance) => instance.drain()));
          const delivered = new Set(receiver.received.map((r) => r.orderId));
          if (orders.every((id) => delivered.has(id))) break;
        }
      } finally {
        await Promise.all(instances.map((instance) => instance.stop()));
        await second.close();
      }
      const paidEvents = receiver.received.filter((r) => orders.includes(r.orderId ?? ''));
      expect(new Set(paidEvents.map((r) => r.orderId)).size).toBe(500);
      expect(paidEvents).toHaveLength(500);
      expect(receiver.overlapping).toEqual([]);
    },
    120_000,
  );
});
