// Merchant orders against the emulator on every driver: the server prices the cart, one live attempt
// per order, attempt n+1 only after expiry, and a second payment of one order fulfilled once and refunded
// automatically, once, even when the process restarts between the payment and its refund.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, webhookEvents } from '../../../db/schema';
import { testDatabaseDrivers } from '../../testing/test-database';
import { silentLogger } from '../../logger';
import { createRefundService } from '../../refunds/refund-service';
import {
  refundsOf,
  merchantOrderOutboxRows,
  storedMerchantOrder,
} from '../../testing/stored-orders';
import {
  GatewayUnavailableError,
  InvalidOrderError,
  OrderNotFoundError,
  OrderNotPayableError,
} from '../errors';
import { vietnamYymmdd } from '../../zalopay/vietnam-date';
import { createPaymentsService } from '../payments-service';
import {
  SANDBOX_APP,
  startServiceHarness,
  type ServiceHarness,
} from '../../testing/service-harness';

describe.each(testDatabaseDrivers())('merchant orders on %s', (driver) => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startServiceHarness(driver);
  });
  afterAll(() => harness?.close());

  const cart = [
    { sku: 'ca-phe-sua-da', quantity: 2 },
    { sku: 'banh-mi', quantity: 1 },
    { sku: 'banh-flan', quantity: 1 },
  ];

  it('prices the cart from the catalogue, whatever the browser thinks things cost', async () => {
    const order = await harness.service.createOrder(cart);
    expect(order.total).toBe(125_000);
    expect(order.lines.map((line) => [line.sku, line.unitPrice, line.lineTotal])).toEqual([
      ['ca-phe-sua-da', 35_000, 70_000],
      ['banh-mi', 30_000, 30_000],
      ['banh-flan', 25_000, 25_000],
    ]);
    expect(order.lines[0]!.name).toEqual({ vi: 'Cà phê sữa đá', en: 'Iced milk coffee' });
    expect(order.orderId).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);

    // A line edited in the request (a price the server never asked for) is re-priced by the server.
    const edited = [{ sku: 'ca-phe-sua-da', quantity: 2, unitPrice: 1, amount: 1_000 }];
    const repriced = await harness.service.createOrder(edited);
    expect(repriced.total).toBe(70_000);
    const payment = await harness.service.payOrder(repriced.orderId);
    expect(payment.amount).toBe(70_000);
    expect((await harness.emulatorOrder(payment.appTransId)).amount).toBe(70_000);
  });

  it('names the line of an unknown or retired product, and refuses a total out of bounds', async () => {
    await expect(
      harness.service.createOrder([cart[0]!, { sku: 'bun-bo-hue', quantity: 1 }]),
    ).rejects.toMatchObject({
      field: 'lines[1].sku',
      message: expect.stringContaining('bun-bo-hue'),
    });
    await harness.database.db.insert(products).values({
      sku: `retired-${driver}`,
      nameVi: 'Cũ',
      nameEn: 'Old',
      unitPrice: 9_000,
      active: false,
    });
    const retired = await harness.service
      .createOrder([{ sku: `retired-${driver}`, quantity: 1 }])
      .catch((error: unknown) => error);
    expect(retired).toBeInstanceOf(InvalidOrderError);
    expect(retired).toMatchObject({ field: 'lines[0].sku' });
    expect((await harness.service.listProducts()).map((p) => p.sku)).not.toContain(
      `retired-${driver}`,
    );
  });

  it('keeps the lines as bought when the catalogue price changes later', async () => {
    await harness.database.db
      .insert(products)
      .values({ sku: `tra-da-${driver}`, nameVi: 'Trà đá', nameEn: 'Iced tea', unitPrice: 5_000 });
    const order = await harness.service.createOrder([{ sku: `tra-da-${driver}`, quantity: 3 }]);
    await harness.database.db
      .update(products)
      .set({ unitPrice: 8_000 })
      .where(eq(products.sku, `tra-da-${driver}`));
    const read = await harness.service.getOrder(order.orderId);
    expect(read).toMatchObject({ total: 15_000, lines: [{ unitPrice: 5_000, quantity: 3 }] });
  });

  it('returns the live attempt when asked again (a reload, a second tab, a double click)', async () => {
    const order = await harness.service.createOrder(cart);
    const first = await harness.service.payOrder(order.orderId);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => harness.service.payOrder(order.orderId)),
    );
    for (const again of concurrent) {
      expect(again).toMatchObject({ appTransId: first.appTransId, orderUrl: first.orderUrl });
    }
    expect(first.appTransId).toMatch(new RegExp(`^\\d{6}_${order.orderId}_1$`));
    const read = await harness.service.getOrder(order.orderId);
    expect(read?.attempts).toHaveLength(1);
    expect(read?.livePayment).toMatchObject({
      appTransId: first.appTransId,
      orderUrl: first.orderUrl,
    });
  });

  it('makes one attempt when several instances are asked at once', async () => {
    const instance = () =>
      createPaymentsService({
        database: harness.database,
        zalopay: harness.zalopay,
        key2: SANDBOX_APP.key2,
        config: harness.config,
        log: silentLogger(),
        now: harness.clock.now,
      });
    const instances = [harness.service, instance(), instance(), instance()];
    const order = await harness.service.createOrder(cart);
    const views = await Promise.all(instances.map((service) => service.payOrder(order.orderId)));
    expect(new Set(views.map((view) => view.appTransId)).size).toBe(1);
    expect((await harness.service.getOrder(order.orderId))?.attempts).toHaveLength(1);
    await Promise.all(instances.slice(1).map((service) => service.close()));
  });

  it('makes attempt 2 of the same order only after attempt 1 expired', async () => {
    const order = await harness.service.createOrder(cart);
    const first = await harness.service.payOrder(order.orderId);
    harness.clock.advance(harness.config.orders.expireSeconds * 1000 + 1_000);
    const second = await harness.service.payOrder(order.orderId);
    expect(second.appTransId).toMatch(new RegExp(`^\\d{6}_${order.orderId}_2$`));
    expect(second.appTransId).not.toBe(first.appTransId);
    expect(second.amount).toBe(125_000);
    expect((await harness.service.getOrder(order.orderId))?.attempts.map((a) => a.attempt)).toEqual(
      [1, 2],
    );
  });

  it('replaces the live attempt in its last minute, when the shopper asks for a new QR code', async () => {
    const order = await harness.service.createOrder(cart);
    const first = await harness.service.payOrder(order.orderId);
    harness.clock.advance(harness.config.orders.expireSeconds * 1000 - 30_000);
    const second = await harness.service.payOrder(order.orderId);
    expect(second.appTransId).toMatch(new RegExp(`_${order.orderId}_2$`));
    expect(second.orderUrl).not.toBe(first.orderUrl);
    expect((await harness.service.payOrder(order.orderId)).appTransId).toBe(second.appTransId);
    expect((await harness.service.getOrder(order.orderId))?.livePayment?.appTransId).toBe(
      second.appTransId,
    );
  });

  it('makes a new attempt when the last create came back without a link (timeout, then -68)', async () => {
    const order = await harness.service.createOrder(cart);
    await harness.addFaults({ api: { fault: 'timeout', count: 1, endpoints: ['create'] } });
    try {
      await expect(harness.service.payOrder(order.orderId)).rejects.toBeInstanceOf(
        GatewayUnavailableError,
      );
    } finally {
      await harness.clearFaults();
    }
    const retried = await harness.service.payOrder(order.orderId);
    expect(retried.appTransId).toMatch(new RegExp(`_${order.orderId}_2$`));
    expect(retried.orderUrl).toMatch(/openinapp\?order=/);
    expect((await harness.service.payOrder(order.orderId)).appTransId).toBe(retried.appTransId);
  }, 30_000);

  it('answers an unknown order, and a paid one, with typed errors', async () => {
    await expect(harness.service.payOrder('NOSUCHORDR')).rejects.toBeInstanceOf(OrderNotFoundError);
    const order = await harness.service.createOrder([cart[1]!]);
    const payment = await harness.service.payOrder(order.orderId);
    await harness.pay(payment.appTransId);
    const paid = await harness.service.getOrder(order.orderId);
    expect(paid).toMatchObject({ status: 'PAID', livePayment: null });
    expect(paid?.receipt).toMatchObject({ appTransId: payment.appTransId, method: 'wallet' });
    expect(paid?.receipt?.zpTransId).toMatch(/^\d+$/);
    const again = await harness.service.payOrder(order.orderId).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(OrderNotPayableError);
    expect(again).toMatchObject({ code: 'already_paid' });
  });

  it('fulfils an order paid twice once, and refunds the second payment once, across a restart', async () => {
    const order = await harness.service.createOrder(cart);
    const first = await harness.service.payOrder(order.orderId);
    // The shopper's phone still shows attempt 1 (ZaloPay's clock a minute behind ours) while the
    // desktop, past our expiry, asks for a new QR code; our cancel of attempt 1 gets no answer (an
    // outage), so both attempts are payable at ZaloPay: the automatic refund is the last defence.
    const lifetimeMs = harness.config.orders.expireSeconds * 1000;
    harness.clock.advance(lifetimeMs + 1_000);
    await harness.setEmulatorClockOffset(-60_000);
    await harness.addFaults({ api: { fault: '5xx', count: 1, endpoints: ['cancel'] } });
    try {
      const second = await harness.service.payOrder(order.orderId);
      await harness.clearFaults();
      await harness.pay(second.appTransId);
      await harness.pay(first.appTransId);

      const stored = await storedMerchantOrder(harness.database.db, order.orderId);
      const secondRow = await harness.orderRow(second.appTransId);
      const firstRow = await harness.orderRow(first.appTransId);
      expect(stored).toMatchObject({ status: 'PAID', paidAttemptId: secondRow.id });
      expect([firstRow.status, secondRow.status]).toEqual(['PAID', 'PAID']);
      expect(await merchantOrderOutboxRows(harness.database.db, order.orderId)).toHaveLength(1);
      expect(await refundsOf(harness.database.db, secondRow.id)).toEqual([]);
      const [refund] = await refundsOf(harness.database.db, firstRow.id);
      expect(refund).toMatchObject({ kind: 'extra_payment', amount: 125_000, state: 'PENDING' });
      // ZaloPay's yymmdd_appid_<id>, dated in Vietnam (written by PostgreSQL with the payment).
      expect(refund!.mRefundId).toMatch(
        new RegExp(`^${vietnamYymmdd(harness.clock.nowMs())}_2553_[0-9a-f]{26}$`),
      );
      expect((await harness.eventsOf(first.appTransId)).map((e) => e.kind)).toContain(
        'refund_requested',
      );
      // The merchant hears of the sale once, and of the second payment as a flag with its refund.
      const webhooks = await harness.database.db
        .select()
        .from(webhookEvents)
        .where(eq(webhookEvents.shopOrderId, order.orderId))
        .orderBy(asc(webhookEvents.seq));
      expect(webhooks.map((event) => event.type)).toEqual(['order.paid', 'order.payment_flagged']);
      expect(webhooks[0]!.payload).toMatchObject({
        data: { order_id: order.orderId, total: 125_000, app_trans_id: second.appTransId },
      });
      expect(webhooks[1]!.payload).toMatchObject({
        data: {
          reason: 'double_payment',
          app_trans_id: first.appTransId,
          refund: { m_refund_id: refund!.mRefundId, amount: 125_000 },
        },
      });

      // Two processes' settlers (the one that crashed before sending, and its replacement) and a
      // repeat of the late callback: one refund reaches ZaloPay, for the second payment's amount.
      const settler = () =>
        createRefundService({
          db: harness.database.db,
          zalopay: harness.zalopay,
          appId: harness.config.appId,
          log: silentLogger(),
          now: harness.clock.now,
          checkIntervalMs: 1,
        });
      await Promise.all([settler().settleDue(), settler().settleDue()]);
      for (let round = 0; round < 5; round += 1) {
        harness.clock.advance(10_000);
        await settler().settleDue();
      }
      const truth = await harness.emulatorOrder(first.appTransId);
      const truthRefunds = truth.refunds as Array<{ amount: number; status: string }>;
      expect(truthRefunds).toEqual([
        expect.objectContaining({ amount: 125_000, status: 'success' }),
      ]);
      expect((await harness.emulatorOrder(second.appTransId)).refunds).toEqual([]);
      const [settled] = await refundsOf(harness.database.db, firstRow.id);
      expect(settled).toMatchObject({ state: 'SUCCEEDED', mRefundId: refund!.mRefundId });
      // The automatic refund leaves the order as paid once: it is not the shopper's refund.
      expect(await storedMerchantOrder(harness.database.db, order.orderId)).toMatchObject({
        status: 'PAID',
        refundedAmount: 0,
      });
    } finally {
      await harness.clearFaults();
      await harness.setEmulatorClockOffset(0);
    }
  });
});
