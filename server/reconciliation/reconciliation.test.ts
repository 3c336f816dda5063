// Reconciliation against the emulator over HTTP, on every database driver: a payment whose callback was
// dropped is found, reported, repaired to PAID through the poller's transition, and then matches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseDrivers } from '../testing/test-database';
import { silentLogger } from '../logger';
import { SANDBOX_APP, startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { createZaloPayClient } from '../zalopay';
import {
  appTransIdPrefixOf,
  formatReconciliationReport,
  isReconciled,
  reconcileDay,
} from './reconciliation';

describe('appTransIdPrefixOf', () => {
  it('turns a calendar date into the yymmdd_ prefix and refuses anything else', () => {
    expect(appTransIdPrefixOf('2026-01-31')).toBe('260131_');
    expect(() => appTransIdPrefixOf('2026-02-30')).toThrow(/Not a date/);
    expect(() => appTransIdPrefixOf('26-01-31')).toThrow(/Not a date/);
  });
});

describe.each(testDatabaseDrivers())('reconcileDay on %s', (driver) => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceHarness(driver);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const dayOf = (appTransId: string) =>
    `20${appTransId.slice(0, 2)}-${appTransId.slice(2, 4)}-${appTransId.slice(4, 6)}`;

  it('reports a paid-but-callback-dropped order, repairs it, and then matches', async () => {
    const paidNormally = await harness.service.payOneOff({ amount: 10_000, description: 'ok' });
    await harness.pay(paidNormally.appTransId);
    const stillOpen = await harness.service.payOneOff({ amount: 11_000, description: 'open' });
    const dropped = await harness.service.payOneOff({ amount: 12_000, description: 'dropped' });
    await harness.addFaults({ callbacks: { drop: 1 } });
    await harness.pay(dropped.appTransId);
    expect((await harness.orderRow(dropped.appTransId)).status).toBe('PENDING');

    const deps = {
      db: harness.database.db,
      // The harness's client gives up after 1.5 s; on a loaded machine that would read "unchecked".
      zalopay: createZaloPayClient({
        appId: SANDBOX_APP.appId,
        key1: SANDBOX_APP.key1,
        key2: SANDBOX_APP.key2,
        apiBaseUrl: harness.emulator.url,
        gatewayBaseUrl: harness.emulator.url,
        timeoutMs: 10_000,
        now: harness.clock.nowMs,
      }),
      log: silentLogger(),
      now: harness.clock.now,
      expiryGraceMs: harness.config.poller.expiryGraceMs,
    };
    const date = dayOf(dropped.appTransId);

    const reportOnly = await reconcileDay(deps, { date, repair: false });
    expect(reportOnly.orders).toBe(3);
    expect(reportOnly.counts).toEqual({ match: 2, repaired: 0, difference: 1, unchecked: 0 });
    expect(reportOnly.findings[0]).toMatchObject({
      appTransId: dropped.appTransId,
      ours: 'PENDING',
      outcome: 'difference',
    });
    expect(isReconciled(reportOnly)).toBe(false);
    expect((await harness.orderRow(dropped.appTransId)).status).toBe('PENDING');

    const repaired = await reconcileDay(deps, { date, repair: true });
    expect(repaired.counts).toEqual({ match: 2, repaired: 1, difference: 0, unchecked: 0 });
    expect(isReconciled(repaired)).toBe(true);
    const text = formatReconciliationReport(repaired);
    expect(text).toContain(`REPAIRED   ${dropped.appTransId}`);
    expect(text).toContain('Result: reconciled.');

    const row = await harness.orderRow(dropped.appTransId);
    expect(row).toMatchObject({ status: 'PAID', paidVia: 'query', lateFlag: false });
    const events = await harness.eventsOf(dropped.appTransId);
    expect(events.at(-1)?.payload).toMatchObject({
      source: 'reconciliation',
      effect: 'PENDING->PAID',
    });
    expect((await harness.fulfilmentsOf(dropped.appTransId)).length).toBe(1);
    expect((await harness.orderRow(stillOpen.appTransId)).status).toBe('PENDING');

    const again = await reconcileDay(deps, { date, repair: true });
    expect(again.counts).toEqual({ match: 3, repaired: 0, difference: 0, unchecked: 0 });
  });

  it('leaves an order unchecked, never FAILED, when ZaloPay gives no usable answer', async () => {
    const order = await harness.service.payOneOff({ amount: 13_000, description: 'unknown' });
    await harness.addFaults({
      api: [{ fault: '5xx', count: 10, endpoints: ['query'], status: 503 }],
    });
    try {
      const report = await reconcileDay(
        {
          db: harness.database.db,
          zalopay: harness.zalopay,
          log: silentLogger(),
          now: harness.clock.now,
          expiryGraceMs: harness.config.poller.expiryGraceMs,
          concurrency: 1,
        },
        { date: dayOf(order.appTransId), repair: true },
      );
      expect(report.counts.unchecked).toBeGreaterThan(0);
      expect(isReconciled(report)).toBe(false);
      expect((await harness.orderRow(order.appTransId)).status).toBe('PENDING');
    } finally {
      await harness.clearFaults();
    }
  });
});
