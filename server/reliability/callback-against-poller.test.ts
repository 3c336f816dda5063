// 500 paid orders whose callback and whose query answer ("paid") race in a random interleaving, with
// poller rounds running through it: every order ends PAID with exactly one transition into PAID, and
// no order that reached PAID ever leaves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { paymentAttempts } from '../../db/schema';
import { testDatabaseDrivers } from '../testing/test-database';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { applyQueryAnswer } from '../payments/polling/query-answer';
import { runConcurrently } from '../workers/run-concurrently';
import { silentLogger } from '../logger';
import type { QueryOrderOutcome } from '../zalopay';
import { effectsOf, paymentCallbackBody } from '../testing/callback-bodies';
import { seededRandom } from './seeded-random';

const ORDERS = 500;

describe.each(testDatabaseDrivers())('callbacks against the poller on %s', (driver) => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startServiceHarness(driver, { config: { poller: { batchSize: 100 } } });
  });
  afterAll(() => harness?.close());

  it('500 orders end PAID once each, whatever arrives first', async () => {
    const random = seededRandom();
    const started = performance.now();
    const views: Array<{ appTransId: string; amount: number }> = [];
    await runConcurrently(
      Array.from({ length: ORDERS }, (_, i) => 10_000 + i),
      4,
      async (amount) => {
        const view = await harness.service.payOneOff({ amount, description: `Race ${amount}` });
        views.push({ appTransId: view.appTransId, amount });
      },
    );
    // The shopper pays every order; the emulator's own callbacks are dropped so we deliver them ourselves.
    await harness.addFaults({ callbacks: { drop: ORDERS } });
    await runConcurrently(views, 4, (view) => harness.pay(view.appTransId));
    // What the poller's query would hear for each order (ZaloPay's answer: paid), asked up front so
    // that the race below is between the two answers reaching the database, not HTTP timings.
    const paid: Array<(typeof views)[number] & { zpTransId: number; answer: QueryOrderOutcome }> =
      [];
    await runConcurrently(views, 4, async (view) => {
      const answer = await harness.zalopay.queryOrder(view.appTransId);
      if (answer.kind !== 'paid') throw new Error(`${view.appTransId} is not paid: ${answer.kind}`);
      paid.push({ ...view, zpTransId: Number(answer.zpTransId), answer });
    });
    harness.clock.advance(harness.config.poller.intervalMs + 1);
    const setupMs = Math.round(performance.now() - started);

    const domain = { db: harness.database.db, log: silentLogger(), now: harness.clock.now };
    type Step = () => Promise<unknown>;
    const steps: Step[] = paid.flatMap((order): Step[] => [
      () => harness.service.handleCallback(paymentCallbackBody(order)),
      async () =>
        applyQueryAnswer(domain, await harness.orderRow(order.appTransId), order.answer, {
          source: 'poller',
          finalQuery: false,
        }),
    ]);
    for (let round = 0; round < 6; round += 1) steps.push(() => harness.poller.tick());
    await runConcurrently(random.shuffled(steps), 16, async (step) => {
      if (random.next() < 0.3)
        await new Promise((resolve) => setTimeout(resolve, random.next() * 5));
      await step();
    });
    const raceMs = Math.round(performance.now() - started) - setupMs;

    const rows = await harness.database.db
      .select()
      .from(paymentAttempts)
      .where(
        inArray(
          paymentAttempts.appTransId,
          paid.map((order) => order.appTransId),
        ),
      );
    const context = `seed ${random.seed}`;
    expect(
      rows.filter((row) => row.status !== 'PAID'),
      context,
    ).toEqual([]);
    expect(rows).toHaveLength(ORDERS);
    for (const row of rows) {
      const effects = await effectsOf(harness.database.db, row.id);
      expect(
        effects.filter((effect) => effect.endsWith('->PAID')),
        context,
      ).toEqual(['PENDING->PAID']);
      expect(
        effects.filter((effect) => effect.startsWith('PAID->')),
        context,
      ).toEqual([]);
      expect(row.lateFlag || row.amountMismatchFlag, context).toBe(false);
    }
    const outbox = await Promise.all(paid.map((order) => harness.fulfilmentsOf(order.appTransId)));
    expect(outbox.map((rowsOfOrder) => rowsOfOrder.length)).toEqual(paid.map(() => 1));
    console.info(
      `[fast-checks] ${driver}: ${ORDERS} orders created and paid in ${setupMs} ms, raced (${context}) in ${raceMs} ms`,
    );
  }, 240_000);
});
