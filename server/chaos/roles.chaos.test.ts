// Issue 22: the deployment the README's production section describes: two ROLE=web instances and one
// ROLE=worker on one PostgreSQL, started at the same moment on an empty database. They take payments end
// to end (the web instances serve shoppers and callbacks, the worker alone polls and fulfils); the worker
// is killed with -9 while payments go on, and its restart picks up everything: nothing lost, nothing doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chaosDatabaseReachable } from './chaos-scenario';
import { setUpChaosStage, type ChaosStage } from './chaos-stage';
import type { CheckoutInstance } from './checkout-instance';
import { freePort } from '../testing/child-process-lifecycle';
import { paidMerchantOrderIds } from './paid-merchant-orders';
import { createOrders } from './one-off-orders';
import { compareWithTruth, describeTruthReport, truthReached } from './truth-comparison';
import { waitUntil } from './wait-until';

const ORDERS = 40;
const POLL_INTERVAL_MS = 3_000;
const LEASE_MS = 2_000;
/** Callbacks the emulator drops in each half: only the worker's poller can find those payments. */
const DROPPED = 4;

describe.skipIf(!chaosDatabaseReachable)('two web instances and a worker on one PostgreSQL', () => {
  let stage: ChaosStage;

  beforeAll(async () => {
    stage = await setUpChaosStage({
      env: {
        POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
        POLL_TICK_MS: '200',
        POLL_LEASE_MS: String(LEASE_MS),
        FULFILMENT_LEASE_MS: String(LEASE_MS),
        ZALOPAY_TIMEOUT_MS: '3000',
      },
    });
    // The stage migrates its database; these instances must find it empty, as on a first deploy.
    await stage.database.sql.unsafe(
      'drop schema drizzle cascade; drop schema public cascade; create schema public',
    );
  });
  afterAll(async () => {
    await stage?.close();
  });

  async function truthNow() {
    return compareWithTruth(stage.database.sql, await stage.admin.orders());
  }

  it('starts together on an empty database, takes payments, and loses nothing when the worker is killed', async () => {
    const workerPort = await freePort();
    const [webA, webB, firstWorker] = await Promise.all([
      stage.startInstance({ ROLE: 'web' }),
      stage.startInstance({ ROLE: 'web' }),
      stage.startInstance({ ROLE: 'worker' }, workerPort),
    ]);
    const journal = z
      .array(z.object({ hash: z.string() }))
      .parse(await stage.database.sql`select hash from drizzle.__drizzle_migrations`);
    expect(journal.length).toBeGreaterThan(0);
    expect(new Set(journal.map((row) => row.hash)).size).toBe(journal.length);

    // The worker serves its probes and nothing a shopper, ZaloPay or an operator could use.
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect((await fetch(`${firstWorker.url}${path}`)).status, path).toBe(200);
    }
    for (const [method, path] of [
      ['GET', '/'],
      ['POST', '/api/payment/create'],
      ['POST', '/api/zalopay/callback'],
      ['GET', '/ops'],
    ] as const) {
      const response = await fetch(`${firstWorker.url}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await fetch(`${webA.url}/readyz`)).status).toBe(200);

    const ids = await createOrders([webA.url, webB.url], ORDERS, 8);
    const [firstHalf, secondHalf] = [ids.slice(0, ORDERS / 2), ids.slice(ORDERS / 2)];
    await stage.admin.addFaults({ callbacks: { drop: DROPPED } });
    for (const id of firstHalf) await stage.admin.tryPay(id);
    const firstSettled = await waitUntil(async () => truthReached(await truthNow()), {
      limitMs: 4 * POLL_INTERVAL_MS + 10_000,
      everyMs: 250,
    });
    expect(firstSettled, describeTruthReport(await truthNow())).not.toBeNull();

    await firstWorker.kill9();
    await stage.admin.addFaults({ callbacks: { drop: DROPPED } });
    for (const id of secondHalf.slice(0, -2)) await stage.admin.tryPay(id);
    for (const id of secondHalf.slice(-2)) await stage.admin.cancel(id);
    expect(await stage.admin.settleCallbacks()).toBe('settled');
    const whileDown = await truthNow();
    console.info(`roles: with the worker down, ${describeTruthReport(whileDown)}`);
    // The web instances took the callbacks that came; the dropped ones and every fulfilment wait.
    expect(whileDown.mismatches.length).toBe(DROPPED);
    expect(whileDown.fulfilmentsDone).toBeLessThan(whileDown.paidMerchantOrders);

    const secondWorker = await stage.startInstance({ ROLE: 'worker' }, workerPort);
    let report = whileDown;
    const recoveredInMs = await waitUntil(
      async () => {
        report = await truthNow();
        return truthReached(report);
      },
      { limitMs: 4 * POLL_INTERVAL_MS + LEASE_MS + 15_000, everyMs: 250 },
    );
    console.info(
      `roles: the restarted worker reached the truth in ${recoveredInMs === null ? 'never' : `${Math.round(recoveredInMs)} ms`}; ${describeTruthReport(report)}`,
    );
    expect(truthReached(report), describeTruthReport(report)).toBe(true);
    expect(report.paidMerchantOrders).toBe(ORDERS - 2);

    // Only workers fulfil, each paid order once (a repeat only for a delivery the kill interrupted).
    const web: CheckoutInstance[] = [webA, webB];
    expect(web.flatMap((instance) => instance.fulfilmentDeliveries())).toEqual([]);
    const firstLife = firstWorker.fulfilmentDeliveries();
    const delivered = [...firstLife, ...secondWorker.fulfilmentDeliveries()];
    expect(new Set(delivered)).toEqual(
      await paidMerchantOrderIds(stage.database.sql, await stage.admin.orders()),
    );
    const seen = new Set<string>();
    for (const key of delivered.filter((k) => seen.has(k) || !seen.add(k))) {
      expect(firstLife).toContain(key);
    }
    expect([webA, webB, secondWorker].every((instance) => instance.alive())).toBe(true);
  });
});
