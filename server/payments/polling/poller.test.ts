// The poller against the emulator over HTTP: it recovers lost callbacks, expires orders only after the
// final query, treats gateway faults as "unknown", races callbacks safely, and shares work across
// instances without ever querying one order twice in an interval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecondHandle, testDatabaseDrivers } from '../../testing/test-database';
import type { DatabaseHandle } from '../../../db/create-db';
import { startServiceHarness, type ServiceHarness } from '../../testing/service-harness';

describe.each(testDatabaseDrivers())('poller on %s', (driver) => {
  let h: ServiceHarness;
  beforeAll(async () => {
    // Time moves only when a test says so: the interval is long enough that real seconds spent on a
    // busy machine never make an order due by themselves.
    h = await startServiceHarness(driver, { config: { poller: { intervalMs: 30_000 } } });
  });
  afterAll(() => h.close());

  const create = (amount = 40_000) => h.service.payOneOff({ amount, description: 'Bánh mì' });
  /** Moves both clocks past one poll interval, so every PENDING order is due again. */
  const nextInterval = () => h.clock.advance(h.config.poller.intervalMs + 1);

  it('does not query an order before it is due', async () => {
    await create();
    h.clock.advance(0);
    const { claimed } = await h.poller.tick();
    expect(claimed).toBe(0);
  });

  it('recovers an order whose callback the emulator dropped', async () => {
    const view = await create();
    await h.addFaults({ callbacks: { drop: 1 } });
    await h.pay(view.appTransId);
    expect((await h.orderRow(view.appTransId)).status).toBe('PENDING');

    nextInterval();
    const round = await h.poller.tick();
    expect(round.queried).toBeGreaterThanOrEqual(1);
    const row = await h.orderRow(view.appTransId);
    expect(row).toMatchObject({
      status: 'PAID',
      paidVia: 'query',
      leaseUntil: null,
      leaseOwner: null,
    });
    expect(await h.fulfilmentsOf(view.appTransId)).toHaveLength(1);
  });

  it('books the next query one interval later and releases the lease', async () => {
    const view = await create();
    nextInterval();
    const before = h.clock.nowMs();
    await h.poller.tick();
    const row = await h.orderRow(view.appTransId);
    expect(row).toMatchObject({ status: 'PENDING', leaseUntil: null, pollAttempts: 1 });
    expect(row.nextPollAt.getTime()).toBeGreaterThanOrEqual(before + h.config.poller.intervalMs);
    const queried = (await h.eventsOf(view.appTransId)).filter((e) => e.kind === 'query');
    expect(queried.at(-1)!.payload).toMatchObject({
      source: 'poller',
      outcome: { kind: 'pending' },
    });
  });

  it('expires an order as soon as ZaloPay answers -54 (expired)', async () => {
    const view = await create();
    h.clock.advance(h.config.orders.expireSeconds * 1000 + 1);
    await h.poller.tick();
    const row = await h.orderRow(view.appTransId);
    expect(row.status).toBe('EXPIRED');
    expect(row.failureReason).toMatch(/ran out/);
  });

  it('expires on the final query after expires_at + grace when ZaloPay still says "not paid"', async () => {
    const view = await create();
    const pastFinalQueryTime =
      h.config.orders.expireSeconds * 1000 + h.config.poller.expiryGraceMs + 1;
    // Hold the emulator's clock back, so ZaloPay's side still sees the order as payable.
    await h.setEmulatorClockOffset(-pastFinalQueryTime);
    try {
      h.clock.advance(h.config.orders.expireSeconds * 1000 - 1_000);
      await h.poller.tick();
      expect((await h.orderRow(view.appTransId)).status).toBe('PENDING');
      const regular = (await h.eventsOf(view.appTransId)).at(-1)!;
      expect(regular.payload).toMatchObject({ finalQuery: false, outcome: { kind: 'pending' } });

      h.clock.advance(h.config.poller.expiryGraceMs + 1_001);
      await h.poller.tick();
      const row = await h.orderRow(view.appTransId);
      expect(row.status).toBe('EXPIRED');
      const final = (await h.eventsOf(view.appTransId)).at(-1)!;
      expect(final.payload).toMatchObject({
        finalQuery: true,
        outcome: { kind: 'pending' },
        effect: 'PENDING->EXPIRED',
      });
    } finally {
      await h.setEmulatorClockOffset(0);
    }
  });

  it.each([
    { fault: '5xx', label: 'HTTP 5xx' },
    { fault: 'timeout', label: 'a timeout' },
    { fault: 'rate_limit', label: '-429' },
  ] as const)('keeps the order PENDING after $label and resolves it later', async ({ fault }) => {
    const view = await create();
    await h.addFaults({ callbacks: { drop: 1 } });
    await h.pay(view.appTransId);
    await h.addFaults({ api: { fault, count: 50, endpoints: ['query'] } });

    nextInterval();
    await h.poller.tick();
    const afterFault = await h.orderRow(view.appTransId);
    expect(afterFault).toMatchObject({ status: 'PENDING', leaseUntil: null });
    expect(afterFault.nextPollAt.getTime()).toBeGreaterThan(
      h.clock.nowMs() + h.config.poller.intervalMs,
    );
    expect((await h.eventsOf(view.appTransId)).at(-1)!.kind).toBe('query_unknown');

    await h.clearFaults();
    h.clock.advance(3 * h.config.poller.intervalMs);
    await h.poller.tick();
    expect((await h.orderRow(view.appTransId)).status).toBe('PAID');
  });

  it('never expires on an unknown answer, even at the final query', async () => {
    const view = await create();
    await h.addFaults({ api: { fault: '5xx', count: 50, endpoints: ['query'] } });
    h.clock.advance(h.config.orders.expireSeconds * 1000 + h.config.poller.expiryGraceMs + 1);
    await h.poller.tick();
    expect((await h.orderRow(view.appTransId)).status).toBe('PENDING');
    await h.clearFaults();
    h.clock.advance(3 * h.config.poller.intervalMs);
    await h.poller.tick();
    expect((await h.orderRow(view.appTransId)).status).toBe('EXPIRED');
  });

  it('races callbacks on 50 orders without double transitions or double outbox rows', async () => {
    const views = [];
    for (let batch = 0; batch < 5; batch++) {
      views.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) => create(10_000 + batch * 10 + i)),
        )),
      );
    }
    nextInterval();
    await Promise.all([
      ...views.map((view) => h.pay(view.appTransId)),
      h.poller.tick(),
      new Promise((resolve) => setTimeout(resolve, 30)).then(() => h.poller.tick()),
      h.service.getStatus(views[0]!.appTransId),
    ]);
    h.clock.advance(3 * h.config.poller.intervalMs);
    await h.poller.tick();

    for (const view of views) {
      expect((await h.orderRow(view.appTransId)).status).toBe('PAID');
      expect(await h.fulfilmentsOf(view.appTransId)).toHaveLength(1);
      const transitions = (await h.eventsOf(view.appTransId)).filter(
        (e) => (e.payload as { effect?: string }).effect === 'PENDING->PAID',
      );
      expect(transitions).toHaveLength(1);
    }
  });

  it('stop() waits for the round in flight and leaves no lease behind', async () => {
    const views = await Promise.all([create(), create(), create()]);
    nextInterval();
    const round = h.poller.tick();
    await h.poller.stop();
    await round;
    for (const view of views) expect((await h.orderRow(view.appTransId)).leaseOwner).toBeNull();
    expect(await h.poller.tick()).toEqual({ claimed: 0, queried: 0, lateChecked: 0 });
  });
});

describe.runIf(testDatabaseDrivers().includes('postgres'))(
  'two app instances on one PostgreSQL database',
  () => {
    let first: ServiceHarness;
    let second: ServiceHarness;
    let secondHandle: DatabaseHandle;
    beforeAll(async () => {
      first = await startServiceHarness('postgres', {
        instanceId: 'instance-a',
        // An interval far longer than the rounds take on a loaded machine: no order is due twice here.
        config: { poller: { batchSize: 10, intervalMs: 60_000 } },
      });
      const url = first.databaseUrl;
      if (!url) throw new Error('the postgres test database has no url');
      secondHandle = await openSecondHandle(url);
      second = await startServiceHarness('postgres', {
        database: secondHandle,
        emulator: first.emulator,
        clock: first.clock,
        instanceId: 'instance-b',
        config: { poller: { batchSize: 10, intervalMs: 60_000 } },
      });
    });
    afterAll(async () => {
      await second.close();
      await secondHandle.close();
      await first.close();
    });

    it('never query the same order twice in one interval, and together query every due order', async () => {
      const views = [];
      for (let i = 0; i < 40; i++)
        views.push(await first.service.payOneOff({ amount: 12_000, description: 'Phở' }));
      first.clock.advance(first.config.poller.intervalMs + 1);
      // Both instances poll at the same moments, 10 orders per claim, within one poll interval.
      let claimed = 0;
      for (let round = 0; round < 5; round++) {
        const results = await Promise.all([first.poller.tick(), second.poller.tick()]);
        claimed += results.reduce((sum, result) => sum + result.claimed, 0);
      }
      expect(claimed).toBe(views.length);
      for (const view of views) {
        const byFirst = first.queriesByOrder.get(view.appTransId) ?? 0;
        const bySecond = second.queriesByOrder.get(view.appTransId) ?? 0;
        expect(byFirst + bySecond).toBe(1);
      }
      expect(first.queriesByOrder.size).toBeGreaterThan(0);
      expect(second.queriesByOrder.size).toBeGreaterThan(0);
    });

    it('delivers a status change made through one handle to watch() on the other', async () => {
      const view = await first.service.payOneOff({ amount: 15_000, description: 'Bún chả' });
      const controller = new AbortController();
      const seen: string[] = [];
      const watching = (async () => {
        for await (const update of second.service.watch(view.appTransId, controller.signal)) {
          seen.push(update.status);
          if (seen.length === 1) {
            // The payment lands on the first instance (its callback route and its database handle).
            await first.pay(view.appTransId);
          }
        }
      })();
      const timeout = setTimeout(() => controller.abort(), 10_000);
      await watching;
      clearTimeout(timeout);
      expect(seen).toEqual(['PENDING', 'PAID']);
    });
  },
);
