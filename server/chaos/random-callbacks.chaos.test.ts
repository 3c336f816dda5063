// Issue 6: a chaos run over 2,000 orders with callbacks dropped, duplicated, delayed and reordered at
// random, shoppers paying, cancelling, paying with declined cards or walking away. In the end every
// order's state equals the emulator's truth and the fulfilments are exactly the paid orders, once each
// (the hook is keyed by the merchant order: each of these one-off orders is its own).
import { describe, expect, it } from 'vitest';
import { runConcurrently } from '../workers/run-concurrently';
import { chaosDatabaseReachable, useChaosStage } from './chaos-scenario';
import { chaosSeed, pickWeighted, seededRandom } from './chaos-plan';
import { paidMerchantOrderIds } from './paid-merchant-orders';
import { createOrders } from './one-off-orders';
import { compareWithTruth, describeTruthReport } from './truth-comparison';
import { waitUntil } from './wait-until';

const ORDERS = 2_000;
const POLL_INTERVAL_MS = 20_000;
const DECLINED_CARD = '9704540000000047';

describe.skipIf(!chaosDatabaseReachable)(
  '2,000 orders with callbacks dropped, duplicated, delayed, reordered',
  () => {
    const seed = chaosSeed();

    const stage = useChaosStage({
      env: {
        POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
        POLL_TICK_MS: '250',
        POLL_BATCH_SIZE: '100',
        POLL_CONCURRENCY: '16',
        QUERY_RATE_PER_SECOND: '150',
        POLL_LEASE_MS: '10000',
        ZALOPAY_TIMEOUT_MS: '5000',
      },
      emulatorSettings: { reorderHoldMs: 500 },
    });

    it('ends with every state equal to the truth and one fulfilment per paid order', async () => {
      console.info(`random callbacks scenario: CHAOS_SEED=${seed}`);
      const random = seededRandom(seed);
      const checkouts = [await stage().startInstance(), await stage().startInstance()];
      const ids = await createOrders(
        checkouts.map((checkout) => checkout.url),
        ORDERS,
        24,
      );
      const faultCounts = { drop: 0, duplicate: 0, delay: 0, reorder: 0, none: 0 };
      const fates = ids.map((id) => ({
        id,
        fate: pickWeighted(random, [
          ['pay', 6],
          ['declined', 1],
          ['cancel', 1],
          ['leave', 2],
        ] as const),
      }));
      await runConcurrently(fates, 24, async ({ id, fate }) => {
        if (fate === 'pay') {
          const fault = pickWeighted(random, [
            ['drop', 2],
            ['duplicate', 2],
            ['delay', 2],
            ['reorder', 1],
            ['none', 3],
          ] as const);
          faultCounts[fault] += 1;
          if (fault === 'drop') await stage().admin.addFaults({ callbacks: { drop: 1 } });
          if (fault === 'duplicate') await stage().admin.addFaults({ callbacks: { duplicate: 1 } });
          if (fault === 'reorder') await stage().admin.addFaults({ callbacks: { reorder: 1 } });
          if (fault === 'delay') {
            await stage().admin.addFaults({
              callbacks: { delayMs: Math.floor(random() * 3_000), delayCount: 1 },
            });
          }
          await stage().admin.tryPay(id);
        }
        if (fate === 'declined') await stage().admin.tryPay(id, { card_number: DECLINED_CARD });
        if (fate === 'cancel') await stage().admin.cancel(id);
      });
      expect(await stage().admin.settleCallbacks()).toBe('settled');
      const truth = await stage().admin.orders();

      let report = await compareWithTruth(stage().database.sql, truth);
      const missedByCallbacks = report.mismatches.length;
      const resolvedInMs = await waitUntil(
        async () => {
          report = await compareWithTruth(stage().database.sql, truth);
          return report.mismatches.length === 0 && report.fulfilmentsDone === report.paid;
        },
        { limitMs: 3 * POLL_INTERVAL_MS, everyMs: 500 },
      );
      const delivered = checkouts.flatMap((checkout) => checkout.fulfilmentDeliveries());
      const paidKeys = await paidMerchantOrderIds(stage().database.sql, truth);
      console.info(
        `random callbacks: faults ${JSON.stringify(faultCounts)}; ${missedByCallbacks} orders left to the poller; ` +
          `truth ${resolvedInMs === null ? 'never reached' : `reached ${Math.round(resolvedInMs)} ms after the callbacks settled`}; ` +
          `${delivered.length} hook deliveries; ${describeTruthReport(report)}`,
      );
      expect(report.orders).toBe(ORDERS);
      expect(report.mismatches, describeTruthReport(report)).toEqual([]);
      expect(report.wrongFulfilments).toEqual([]);
      expect(report.wrongMerchantOrders).toEqual([]);
      expect(report.refunds + report.wrongRefunds.length).toBe(0);
      expect(report.fulfilmentsDone).toBe(paidKeys.size);
      expect(delivered.length).toBe(paidKeys.size);
      expect(new Set(delivered)).toEqual(paidKeys);
      expect(checkouts.every((checkout) => checkout.alive())).toBe(true);
    });
  },
);
