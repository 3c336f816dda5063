// The one-statement callback path must do exactly what the general transition does for PENDING->PAID,
// and nothing at all in every other case (which then falls to the general transition).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentAttempt } from '../../../db/schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../../testing/test-database';
import { silentLogger } from '../../logger';
import {
  insertStoredOrder,
  ledgerRowsOf,
  outboxRowsOf,
  storedOrder,
} from '../../testing/stored-orders';
import { applyPaymentInput, type TransitionDeps } from '../attempts/attempt-transitions';
import { payPendingOrder, type PendingOrderPayment } from './pay-pending-attempt';
import type { PaymentStatus } from '../status/payment-view';

describe.each(testDatabaseDrivers())('paying a PENDING order in one statement on %s', (driver) => {
  let database: TestDatabase;
  let deps: TransitionDeps;
  const now = new Date('2026-11-21T08:00:00.123Z');
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    deps = { db: database.db, log: silentLogger(), now: () => now };
  });
  afterAll(() => database.dispose());

  const orderIn = (status: PaymentStatus) =>
    insertStoredOrder(database.db, { status, at: new Date('2026-11-21T07:55:00.000Z') });

  function paymentFor(order: PaymentAttempt, changes: Partial<PendingOrderPayment> = {}) {
    const zpTransId = `2611210000${Math.floor(Math.random() * 1e6)}`;
    return {
      appTransId: order.appTransId,
      appId: order.appId,
      amount: order.amount,
      zpTransId,
      paidAt: new Date('2026-11-21T07:59:58.000Z'),
      channel: 38,
      dedupeKey: `callback:${zpTransId}`,
      payload: { type: 1, data: { appTransId: order.appTransId, zpTransId } },
      now,
      ...changes,
    };
  }

  it('writes what the general transition writes, and returns the stored order', async () => {
    const general = await orderIn('PENDING');
    const single = await orderIn('PENDING');
    const generalPayment = paymentFor(general);
    const singlePayment = paymentFor(single, { zpTransId: `${generalPayment.zpTransId}1` });

    const viaGeneral = await applyPaymentInput(
      deps,
      general.id,
      { kind: 'callback', dedupeKey: generalPayment.dedupeKey, payload: generalPayment.payload },
      {
        to: 'PAID',
        zpTransId: generalPayment.zpTransId,
        paidAt: generalPayment.paidAt,
        via: 'callback',
        channel: 38,
      },
    );
    const viaSingle = await payPendingOrder(database.db, singlePayment);

    expect(viaSingle).toBeDefined();
    expect(viaSingle!.effect).toBe(viaGeneral.effect);
    expect(viaSingle!.repeatedInput).toBe(false);
    // The returned order is the stored row, with the same types drizzle gives everywhere else.
    expect(viaSingle!.order).toEqual(await storedOrder(database.db, single.id));
    const differing = ['id', 'appTransId', 'shopOrderId', 'zpTransId'] as const;
    const strip = (order: PaymentAttempt) => {
      const copy: Partial<PaymentAttempt> = { ...order };
      for (const key of differing) delete copy[key];
      return copy;
    };
    expect(strip(viaSingle!.order)).toEqual(strip(viaGeneral.order));
    expect(viaSingle!.order).toMatchObject({
      status: 'PAID',
      zpTransId: singlePayment.zpTransId,
      paidVia: 'callback',
      paidAt: singlePayment.paidAt,
      updatedAt: now,
      lateFlag: false,
    });

    const [generalEvent] = await ledgerRowsOf(database.db, general.id);
    const [singleEvent] = await ledgerRowsOf(database.db, single.id);
    expect(await ledgerRowsOf(database.db, single.id)).toHaveLength(1);
    expect(singleEvent).toMatchObject({
      kind: generalEvent!.kind,
      dedupeKey: singlePayment.dedupeKey,
      createdAt: generalEvent!.createdAt,
      payload: { ...singlePayment.payload, effect: 'PENDING->PAID' },
    });
    expect(Object.keys(singleEvent!.payload as object).sort()).toEqual(
      Object.keys(generalEvent!.payload as object).sort(),
    );

    const [generalJob] = await outboxRowsOf(database.db, general.id);
    const [singleJob] = await outboxRowsOf(database.db, single.id);
    expect(await outboxRowsOf(database.db, single.id)).toHaveLength(1);
    expect(singleJob).toMatchObject({
      idempotencyKey: single.shopOrderId,
      status: generalJob!.status,
      attempts: generalJob!.attempts,
      nextAttemptAt: generalJob!.nextAttemptAt,
      createdAt: generalJob!.createdAt,
    });
  });

  const untouched: Array<{
    name: string;
    status: PaymentStatus;
    change?: (o: PaymentAttempt) => Partial<PendingOrderPayment>;
  }> = [
    { name: 'an order already PAID', status: 'PAID' },
    { name: 'a FAILED order (a late payment)', status: 'FAILED' },
    { name: 'an EXPIRED order (a late payment)', status: 'EXPIRED' },
    { name: 'a different amount', status: 'PENDING', change: (o) => ({ amount: o.amount + 1 }) },
    { name: 'a different app', status: 'PENDING', change: () => ({ appId: 2554 }) },
    {
      name: 'an unknown order',
      status: 'PENDING',
      change: () => ({ appTransId: '261121_unknown' }),
    },
  ];

  it.each(untouched)('does nothing for $name', async ({ status, change }) => {
    const order = await orderIn(status);
    const before = await storedOrder(database.db, order.id);
    const result = await payPendingOrder(database.db, paymentFor(order, change?.(order)));
    expect(result).toBeUndefined();
    expect(await storedOrder(database.db, order.id)).toEqual(before);
    expect(await ledgerRowsOf(database.db, order.id)).toHaveLength(0);
    expect(await outboxRowsOf(database.db, order.id)).toHaveLength(0);
  });

  it('still pays the order when its ledger key is already taken, and says it is a repeat', async () => {
    const first = await orderIn('PENDING');
    const second = await orderIn('PENDING');
    const payment = paymentFor(first);
    await payPendingOrder(database.db, payment);
    const result = await payPendingOrder(database.db, {
      ...paymentFor(second),
      dedupeKey: payment.dedupeKey,
    });
    // The general transition behaves the same way: the order moves, the ledger keeps its first row.
    expect(result).toMatchObject({ effect: 'PENDING->PAID', repeatedInput: true });
    expect(await ledgerRowsOf(database.db, second.id)).toHaveLength(0);
    expect(await outboxRowsOf(database.db, second.id)).toHaveLength(1);
  });

  it('moves an order once when it races the general transition', async () => {
    const order = await orderIn('PENDING');
    const payment = paymentFor(order);
    const [single, general] = await Promise.all([
      payPendingOrder(database.db, payment),
      applyPaymentInput(
        deps,
        order.id,
        { kind: 'query', payload: { source: 'race' } },
        { to: 'PAID', zpTransId: payment.zpTransId, paidAt: payment.paidAt, via: 'query' },
      ),
    ]);
    const moves = [single?.effect, general.effect].filter((e) => e === 'PENDING->PAID');
    expect(moves).toHaveLength(1);
    expect(await storedOrder(database.db, order.id)).toMatchObject({
      status: 'PAID',
      zpTransId: payment.zpTransId,
    });
    expect(await outboxRowsOf(database.db, order.id)).toHaveLength(1);
  });
});
