// Cancelling at ZaloPay against the emulator on every driver: a merchant order withdrawn (its live attempt
// cancelled first, its old QR refused at the gateway, order.cancelled sent once), a paid order refused, a
// replaced attempt cancelled before attempt n+1, a cancel that races a payment, and a payment that still
// arrives for a cancelled order recorded and refunded.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookEvents } from '../../../db/schema';
import {
  refundsOf,
  merchantOrderOutboxRows,
  storedMerchantOrder,
} from '../../testing/stored-orders';
import { startServiceHarness, type ServiceHarness } from '../../testing/service-harness';
import { testDatabaseDrivers } from '../../testing/test-database';
import { OrderNotCancellableError, OrderNotPayableError } from '../errors';
import { RENEW_IN_LAST_MS } from './pay-merchant-order';

describe.each(testDatabaseDrivers())('order cancellation on %s', (driver) => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await startServiceHarness(driver);
  });
  afterAll(() => h?.close());

  const cart = [{ sku: 'banh-mi', quantity: 2 }];
  const webhookTypes = async (orderId: string) =>
    (
      await h.database.db
        .select()
        .from(webhookEvents)
        .where(eq(webhookEvents.shopOrderId, orderId))
        .orderBy(asc(webhookEvents.seq))
    ).map((event) => event.type);
  /** Into the live attempt's last minute: asking to pay again replaces it. */
  const intoLastMinute = () =>
    h.clock.advance(h.config.orders.expireSeconds * 1000 - RENEW_IN_LAST_MS + 1_000);

  it('cancels an unpaid order: its live attempt first at ZaloPay, whose gateway then refuses it', async () => {
    const order = await h.service.createOrder(cart);
    const payment = await h.service.payOrder(order.orderId);
    const result = await h.service.cancelOrder(order.orderId, 'operator');
    expect(result).toMatchObject({ cancelledNow: true, uncertainAttempts: [] });
    expect(await storedMerchantOrder(h.database.db, order.orderId)).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'operator',
    });
    expect(await h.orderRow(payment.appTransId)).toMatchObject({ status: 'FAILED' });
    const kinds = (await h.eventsOf(payment.appTransId)).map((event) => event.kind);
    expect(kinds).toEqual(expect.arrayContaining(['cancel', 'order_cancelled']));
    expect(await h.emulatorOrder(payment.appTransId)).toMatchObject({ status: 'cancelled' });
    expect(await h.admin.tryPay(payment.appTransId)).toMatchObject({ result: 'not_payable' });
    expect((await fetch(payment.orderUrl ?? '')).status).toBe(410);

    // Again: nothing more happens, one webhook; and the order can no longer be paid.
    expect(await h.service.cancelOrder(order.orderId, 'merchant_api')).toMatchObject({
      cancelledNow: false,
    });
    expect(await webhookTypes(order.orderId)).toEqual(['order.cancelled']);
    await expect(h.service.payOrder(order.orderId)).rejects.toMatchObject({
      code: 'order_cancelled',
    });
  });

  it('refuses to cancel a paid order (409), and cancels an order that never had an attempt', async () => {
    const paidOrder = await h.service.createOrder(cart);
    const payment = await h.service.payOrder(paidOrder.orderId);
    await h.pay(payment.appTransId);
    const refused = await h.service
      .cancelOrder(paidOrder.orderId, 'operator')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OrderNotCancellableError);
    expect(refused).toMatchObject({ httpStatus: 409, code: 'already_paid' });
    expect(await storedMerchantOrder(h.database.db, paidOrder.orderId)).toMatchObject({
      status: 'PAID',
    });

    const bare = await h.service.createOrder(cart);
    await h.service.cancelOrder(bare.orderId, 'merchant_api');
    expect(await storedMerchantOrder(h.database.db, bare.orderId)).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'merchant_api',
    });
  });

  it('cancels a replaced live attempt at ZaloPay before making attempt n+1', async () => {
    const order = await h.service.createOrder(cart);
    const first = await h.service.payOrder(order.orderId);
    intoLastMinute();
    const second = await h.service.payOrder(order.orderId);
    expect(second.appTransId).toMatch(new RegExp(`_${order.orderId}_2$`));
    expect(await h.orderRow(first.appTransId)).toMatchObject({ status: 'FAILED' });
    const cancel = (await h.eventsOf(first.appTransId)).find((event) => event.kind === 'cancel');
    expect(cancel?.payload).toMatchObject({
      purpose: 'replaced',
      outcome: { kind: 'cancelled' },
      effect: 'PENDING->FAILED',
    });
    expect((await fetch(first.orderUrl ?? '')).status).toBe(410);
    expect(await h.admin.tryPay(first.appTransId)).toMatchObject({ result: 'not_payable' });
    await h.pay(second.appTransId);
    expect(await storedMerchantOrder(h.database.db, order.orderId)).toMatchObject({
      status: 'PAID',
    });
  });

  it.each([
    ['the callback arrives', {}],
    ['the callback is lost', { callbacks: { drop: 1 } }],
  ])(
    'a payment that beats the cancel of attempt n (%s): paid by it, no attempt n+1, no refund',
    async (_case, callbackFaults) => {
      const order = await h.service.createOrder(cart);
      const first = await h.service.payOrder(order.orderId);
      intoLastMinute();
      await h.addFaults({
        api: { fault: 'pay_first', endpoints: ['cancel'] },
        ...callbackFaults,
      });
      try {
        const again = await h.service.payOrder(order.orderId).catch((error: unknown) => error);
        expect(again).toBeInstanceOf(OrderNotPayableError);
        expect(again).toMatchObject({ code: 'already_paid' });
      } finally {
        await h.clearFaults();
      }
      const row = await h.orderRow(first.appTransId);
      expect(row.status).toBe('PAID');
      expect(await storedMerchantOrder(h.database.db, order.orderId)).toMatchObject({
        status: 'PAID',
        attempts: 1,
        paidAttemptId: row.id,
      });
      expect(await refundsOf(h.database.db, row.id)).toEqual([]);
      expect(await merchantOrderOutboxRows(h.database.db, order.orderId)).toHaveLength(1);
    },
  );

  it('keeps watching an attempt whose cancel had no answer, and refunds its payment of the cancelled order', async () => {
    const order = await h.service.createOrder(cart);
    const payment = await h.service.payOrder(order.orderId);
    await h.addFaults({ api: { fault: '5xx', count: 1, endpoints: ['cancel'] } });
    let result;
    try {
      result = await h.service.cancelOrder(order.orderId, 'operator');
    } finally {
      await h.clearFaults();
    }
    expect(result).toMatchObject({ cancelledNow: true, uncertainAttempts: [payment.appTransId] });
    expect(await h.orderRow(payment.appTransId)).toMatchObject({ status: 'PENDING' });

    // The shopper pays the QR still on screen: recorded, not fulfilled, refunded and flagged.
    await h.pay(payment.appTransId);
    const row = await h.orderRow(payment.appTransId);
    expect(row.status).toBe('PAID');
    expect(await storedMerchantOrder(h.database.db, order.orderId)).toMatchObject({
      status: 'CANCELLED',
      paidAttemptId: null,
    });
    expect(await merchantOrderOutboxRows(h.database.db, order.orderId)).toEqual([]);
    const refunds = await refundsOf(h.database.db, row.id);
    expect(refunds).toEqual([
      expect.objectContaining({ kind: 'extra_payment', amount: order.total, state: 'PENDING' }),
    ]);
    expect(await webhookTypes(order.orderId)).toEqual(['order.cancelled', 'order.payment_flagged']);
    const flags = await h.database.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.shopOrderId, order.orderId));
    expect(flags.find((event) => event.type === 'order.payment_flagged')?.payload).toMatchObject({
      data: { reason: 'paid_after_cancel', app_trans_id: payment.appTransId },
    });
  });
});
