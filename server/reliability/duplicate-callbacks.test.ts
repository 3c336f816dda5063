// One valid callback delivered 1,000 times at once over HTTP (the app's real route): exactly one
// PENDING -> PAID, one outbox row, one ledger row, and every reply {"return_code":1}, never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseDrivers } from '../testing/test-database';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { runConcurrently } from '../workers/run-concurrently';
import { serveAppOn, type ServedApp } from '../testing/app-harness';
import { effectsOf, paymentCallbackBody } from '../testing/callback-bodies';

const DELIVERIES = 1_000;
const SOCKETS = 100;

describe.each(testDatabaseDrivers())('a callback delivered 1,000 times on %s', (driver) => {
  let harness: ServiceHarness;
  let app: ServedApp;
  beforeAll(async () => {
    harness = await startServiceHarness(driver);
    app = await serveAppOn(harness);
  });
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  it('makes exactly one transition and one outbox row, and acknowledges every delivery', async () => {
    const view = await harness.service.payOneOff({
      amount: 125_000,
      description: 'Duplicate storm',
    });
    const body = paymentCallbackBody({
      appTransId: view.appTransId,
      amount: 125_000,
      zpTransId: 261121000004242,
    });

    const replies: Array<{ status: number; text: string }> = [];
    const started = performance.now();
    await runConcurrently(
      Array.from({ length: DELIVERIES }, (_, i) => i),
      SOCKETS,
      async () => {
        const response = await fetch(`${app.url}/api/zalopay/callback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        replies.push({ status: response.status, text: await response.text() });
      },
    );
    const elapsedMs = Math.round(performance.now() - started);

    expect(replies).toHaveLength(DELIVERIES);
    expect(replies.filter((reply) => reply.status !== 200)).toEqual([]);
    expect(new Set(replies.map((reply) => reply.text))).toEqual(
      new Set(['{"return_code":1,"return_message":"success"}']),
    );

    const order = await harness.orderRow(view.appTransId);
    expect(order).toMatchObject({
      status: 'PAID',
      zpTransId: '261121000004242',
      paidVia: 'callback',
    });
    expect(await harness.fulfilmentsOf(view.appTransId)).toHaveLength(1);
    const effects = await effectsOf(harness.database.db, order.id);
    expect(effects.filter((effect) => effect === 'PENDING->PAID')).toHaveLength(1);
    const callbacks = (await harness.eventsOf(view.appTransId)).filter(
      (e) => e.kind === 'callback',
    );
    expect(callbacks).toHaveLength(1);
    console.info(`[fast-checks] ${driver}: ${DELIVERIES} duplicate callbacks in ${elapsedMs} ms`);
  }, 120_000);
});
