// Refunds against the emulator over HTTP, on every database driver: partial then full, over-refund refused
// (also when two requests race), settling by query_refund, and a lost answer recovered the same way.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refunds } from '../../db/schema';
import { testDatabaseDrivers } from '../testing/test-database';
import { silentLogger } from '../logger';
import { SANDBOX_APP, startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { createZaloPayClient, type ZaloPayClient } from '../zalopay';
import { RefundRefusedError } from './refund-errors';
import { createRefundService, type RefundService } from './refund-service';
import { summariseRefunds } from './refund-summary';

/** The harness's client gives up after 1.5 s; on a loaded machine refunds need more patience. */
function patientClient(harness: ServiceHarness): ZaloPayClient {
  return createZaloPayClient({
    appId: SANDBOX_APP.appId,
    key1: SANDBOX_APP.key1,
    key2: SANDBOX_APP.key2,
    apiBaseUrl: harness.emulator.url,
    gatewayBaseUrl: harness.emulator.url,
    timeoutMs: 10_000,
    maxRetries: 0,
    now: harness.clock.nowMs,
  });
}

describe.each(testDatabaseDrivers())('refund service on %s', (driver) => {
  let harness: ServiceHarness;
  let service: RefundService;
  const states: string[] = [];

  beforeAll(async () => {
    harness = await startServiceHarness(driver);
    service = createRefundService({
      db: harness.database.db,
      zalopay: patientClient(harness),
      appId: harness.config.appId,
      log: silentLogger(),
      now: harness.clock.now,
      checkIntervalMs: 1_000,
      onRefundState: (state) => states.push(state),
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function paidOrder(amount: number) {
    const order = await harness.service.payOneOff({ amount, description: 'refund test' });
    await harness.pay(order.appTransId);
    expect((await harness.orderRow(order.appTransId)).status).toBe('PAID');
    return order.appTransId;
  }

  async function refundRows(appTransId: string) {
    const order = await harness.orderRow(appTransId);
    return harness.database.db.select().from(refunds).where(eq(refunds.orderId, order.id));
  }

  /** Moves both clocks past the emulator's processing time and the refund's next check, then settles. */
  async function settleLater() {
    harness.clock.advance(5_000);
    return service.settleDue();
  }

  it('refunds in part, refuses more than is left, settles by query_refund, then refunds the rest', async () => {
    const appTransId = await paidOrder(50_000);
    const partial = await service.requestRefund({
      appTransId,
      amount: 20_000,
      description: 'one item',
    });
    expect(partial).toMatchObject({ state: 'PROCESSING', amount: 20_000 });
    expect(partial.mRefundId).toMatch(/^\d{6}_2553_/);
    expect(partial.zpRefundId).toMatch(/^\d+$/);

    await expect(
      service.requestRefund({ appTransId, amount: 30_001, description: 'too much' }),
    ).rejects.toMatchObject({ refusal: 'exceeds_refundable' });

    expect(await settleLater()).toBe(1);
    const rest = await service.requestRefund({ appTransId, amount: 30_000, description: 'rest' });
    await settleLater();

    const rows = await refundRows(appTransId);
    expect(rows.map((row) => row.state).sort()).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(rows.every((row) => row.settledAt !== null)).toBe(true);
    expect(summariseRefunds(50_000, rows)).toEqual({
      refunded: 50_000,
      inFlight: 0,
      refundable: 0,
    });
    expect(rest.mRefundId).not.toBe(partial.mRefundId);

    const kinds = (await harness.eventsOf(appTransId)).map((event) => event.kind);
    expect(kinds.filter((kind) => kind === 'refund_requested')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'refund_sent')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'refund_query').length).toBeGreaterThanOrEqual(2);
    expect(states).toEqual(expect.arrayContaining(['PENDING', 'PROCESSING', 'SUCCEEDED']));
  });

  it('lets only one of two racing refunds through when both would not fit', async () => {
    const appTransId = await paidOrder(10_000);
    const results = await Promise.allSettled([
      service.requestRefund({ appTransId, amount: 6_000, description: 'first' }),
      service.requestRefund({ appTransId, amount: 6_000, description: 'second' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(RefundRefusedError);
    expect(await refundRows(appTransId)).toHaveLength(1);
  });

  it('refuses orders that are not paid, unknown orders and bad amounts without asking ZaloPay', async () => {
    const pending = await harness.service.payOneOff({ amount: 5_000, description: 'unpaid' });
    await expect(
      service.requestRefund({ appTransId: pending.appTransId, amount: 1_000, description: 'x' }),
    ).rejects.toMatchObject({ refusal: 'order_not_paid' });
    await expect(
      service.requestRefund({ appTransId: '240101_nope', amount: 1_000, description: 'x' }),
    ).rejects.toMatchObject({ refusal: 'order_not_found' });
    const appTransId = await paidOrder(5_000);
    await expect(
      service.requestRefund({ appTransId, amount: 0, description: 'x' }),
    ).rejects.toMatchObject({ refusal: 'invalid_amount' });
  });

  it('keeps a refund whose answer was lost PENDING, then settles it with query_refund', async () => {
    const appTransId = await paidOrder(8_000);
    // The harness's own client gives up (1.5 s) before the emulator's held answer (2 s) comes back.
    const impatient = createRefundService({
      db: harness.database.db,
      zalopay: harness.zalopay,
      appId: harness.config.appId,
      log: silentLogger(),
      now: harness.clock.now,
      checkIntervalMs: 1_000,
    });
    await harness.addFaults({ api: [{ fault: 'timeout', count: 1, endpoints: ['refund'] }] });
    try {
      const lost = await impatient.requestRefund({
        appTransId,
        amount: 8_000,
        description: 'lost',
      });
      expect(lost.state).toBe('PENDING');
    } finally {
      await harness.clearFaults();
    }
    await settleLater();
    await settleLater();
    const [row] = await refundRows(appTransId);
    expect(row?.state).toBe('SUCCEEDED');
    const kinds = (await harness.eventsOf(appTransId)).map((event) => event.kind);
    expect(kinds).toContain('refund_send_unknown');
  });
});
