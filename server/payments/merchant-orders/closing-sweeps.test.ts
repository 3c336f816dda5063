// Nothing left hanging, against the emulator on every driver: an attempt whose create never reached ZaloPay
// is closed once its create window is over; a payment of an attempt we had closed, whose callback was lost,
// is found by the late-payment check (fulfilled, or refunded when another attempt paid); abandoned orders
// are cancelled once by two instances' rounds.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchantOrders, webhookEvents } from '../../../db/schema';
import { silentLogger } from '../../logger';
import {
  refundsOf,
  merchantOrderOutboxRows,
  storedMerchantOrder,
} from '../../testing/stored-orders';
import { startServiceHarness, type ServiceHarness } from '../../testing/service-harness';
import { testDatabaseDrivers } from '../../testing/test-database';
import { startAbandonedOrderCloser } from './abandoned-orders';
import { GatewayUnavailableError } from '../errors';
import { LATE_CHECK_DELAYS_MS } from '../polling/late-payment-checks';
import { NEVER_CREATED_REASON } from '../polling/query-answer';

const CREATE_WINDOW_MS = 60_000;

describe.each(testDatabaseDrivers())('closing sweeps on %s', (driver) => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await startServiceHarness(driver, {
      config: { poller: { intervalMs: 20_000, createNotFoundCloseMs: CREATE_WINDOW_MS } },
    });
  });
  afterAll(() => h?.close());

  const cart = [{ sku: 'banh-mi', quantity: 1 }];
  const lifetimeMs = () => h.config.orders.expireSeconds * 1000;

  it('closes an attempt whose create answered 503 once the create window is over', async () => {
    const order = await h.service.createOrder(cart);
    await h.addFaults({ api: { fault: '5xx', count: 1, endpoints: ['create'] } });
    const failed = await h.service.payOrder(order.orderId).catch((error: unknown) => error);
    await h.clearFaults();
    expect(failed).toBeInstanceOf(GatewayUnavailableError);
    const appTransId = (failed as GatewayUnavailableError).appTransId;

    h.clock.advance(h.config.poller.intervalMs + 1);
    await h.poller.tick();
    expect(await h.orderRow(appTransId)).toMatchObject({ status: 'PENDING' });

    h.clock.advance(CREATE_WINDOW_MS);
    await h.poller.tick();
    expect(await h.orderRow(appTransId)).toMatchObject({
      status: 'FAILED',
      failureReason: NEVER_CREATED_REASON,
      // ZaloPay never had it: no late-payment checks either.
      nextLateCheckAt: null,
    });
    const polls = (await h.eventsOf(appTransId)).filter((event) => event.kind === 'query');
    expect(polls.map((event) => (event.payload as { effect: string }).effect)).toEqual([
      'none',
      'PENDING->FAILED',
    ]);
  });

  /** Attempt 1 expires at our side while ZaloPay (a minute behind) still takes its payment. */
  async function expireWhilePayable(orderId: string) {
    const first = await h.service.payOrder(orderId);
    await h.setEmulatorClockOffset(-60_000);
    h.clock.advance(lifetimeMs() + h.config.poller.expiryGraceMs + 1_000);
    await h.poller.tick();
    const row = await h.orderRow(first.appTransId);
    expect(row.status).toBe('EXPIRED');
    expect(row.nextLateCheckAt).not.toBeNull();
    return first;
  }

  async function payLosingTheCallback(appTransId: string) {
    await h.addFaults({ callbacks: { drop: 1 } });
    await h.pay(appTransId);
    await h.clearFaults();
    expect((await h.orderRow(appTransId)).status).not.toBe('PAID');
  }

  /** Past the first late check; the emulator's clock back in step. */
  async function runFirstLateCheck() {
    h.clock.advance(LATE_CHECK_DELAYS_MS[0]! + 1_000);
    await h.setEmulatorClockOffset(0);
    const round = await h.poller.tick();
    expect(round.lateChecked).toBeGreaterThanOrEqual(1);
  }

  it('finds a late payment of an expired attempt whose callback was lost, and fulfils the order', async () => {
    const order = await h.service.createOrder(cart);
    const first = await expireWhilePayable(order.orderId);
    await payLosingTheCallback(first.appTransId);
    await runFirstLateCheck();

    const row = await h.orderRow(first.appTransId);
    expect(row).toMatchObject({ status: 'PAID', paidVia: 'query', lateFlag: true });
    expect(row.nextLateCheckAt).toBeNull();
    expect(await storedMerchantOrder(h.database.db, order.orderId)).toMatchObject({
      status: 'PAID',
      paidAttemptId: row.id,
    });
    expect(await merchantOrderOutboxRows(h.database.db, order.orderId)).toHaveLength(1);
    expect(await refundsOf(h.database.db, row.id)).toEqual([]);
  });

  it('refunds a late payment found for an order another attempt paid', async () => {
    const order = await h.service.createOrder(cart);
    const first = await expireWhilePayable(order.orderId);
    const second = await h.service.payOrder(order.orderId);
    await h.pay(second.appTransId);
    await payLosingTheCallback(first.appTransId);
    await runFirstLateCheck();

    const firstRow = await h.orderRow(first.appTransId);
    expect(firstRow).toMatchObject({ status: 'PAID', lateFlag: true });
    expect(await storedMerchantOrder(h.database.db, order.orderId)).toMatchObject({
      status: 'PAID',
      paidAttemptId: (await h.orderRow(second.appTransId)).id,
    });
    expect(await merchantOrderOutboxRows(h.database.db, order.orderId)).toHaveLength(1);
    expect(await refundsOf(h.database.db, firstRow.id)).toEqual([
      expect.objectContaining({ kind: 'extra_payment', amount: order.total }),
    ]);
  });

  it('queries a closed attempt a few times only, then no more', async () => {
    const order = await h.service.createOrder(cart);
    const first = await expireWhilePayable(order.orderId);
    await h.setEmulatorClockOffset(0);
    for (let check = 0; check < 8; check += 1) {
      h.clock.advance(25 * 3_600_000);
      await h.poller.tick();
    }
    const row = await h.orderRow(first.appTransId);
    expect(row.nextLateCheckAt).toBeNull();
    expect(row.lateChecks).toBeGreaterThanOrEqual(2);
    expect(row.lateChecks).toBeLessThanOrEqual(LATE_CHECK_DELAYS_MS.length + 1);
  });

  it('cancels abandoned orders once with two instances, and leaves the others alone', async () => {
    const abandonAfterMs = 3_600_000;
    const stale = await h.service.createOrder(cart);
    const staleAttempt = await h.service.payOrder(stale.orderId);
    const neverPaid = await h.service.createOrder(cart);
    h.clock.advance(lifetimeMs() + abandonAfterMs + 60_000);
    await h.poller.tick();
    expect((await h.orderRow(staleAttempt.appTransId)).status).toBe('EXPIRED');
    const fresh = await h.service.createOrder(cart);
    const live = await h.service.payOrder((await h.service.createOrder(cart)).orderId);

    const closer = () =>
      startAbandonedOrderCloser({
        database: h.database,
        zalopay: h.zalopay,
        config: h.config,
        log: silentLogger(),
        now: h.clock.now,
        settings: { abandonAfterMs, checkIntervalMs: 3_600_000 },
      });
    const [one, two] = [closer(), closer()];
    try {
      const counts = await Promise.all([one.run(), two.run(), one.run(), two.run()]);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
    for (const id of [stale.orderId, neverPaid.orderId]) {
      expect(await storedMerchantOrder(h.database.db, id)).toMatchObject({
        status: 'CANCELLED',
        cancelledBy: 'abandoned',
      });
      const cancelled = await h.database.db
        .select()
        .from(webhookEvents)
        .where(and(eq(webhookEvents.shopOrderId, id), eq(webhookEvents.type, 'order.cancelled')));
      expect(cancelled).toHaveLength(1);
    }
    expect((await storedMerchantOrder(h.database.db, fresh.orderId)).status).toBe(
      'AWAITING_PAYMENT',
    );
    const [liveOrder] = await h.database.db
      .select()
      .from(merchantOrders)
      .where(eq(merchantOrders.id, (await h.orderRow(live.appTransId)).shopOrderId));
    expect(liveOrder?.status).toBe('AWAITING_PAYMENT');
  });
});
