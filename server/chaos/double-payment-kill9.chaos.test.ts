// Issue 12: merchant orders paid on both attempts, with the server killed (SIGKILL) right after the
// second payment's callback was acknowledged, before its settler sent the automatic refund. After a
// restart each order is fulfilled once and exactly one refund of the second payment reaches ZaloPay.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freePort } from '../testing/child-process-lifecycle';
import { runConcurrently } from '../workers/run-concurrently';
import { chaosDatabaseReachable, useChaosStage } from './chaos-scenario';
import { createMerchantOrder, payMerchantOrder } from './merchant-order-requests';
import { paidMerchantOrderIds } from './paid-merchant-orders';
import {
  compareWithTruth,
  describeTruthReport,
  truthReached,
  type TruthReport,
} from './truth-comparison';
import { waitUntil } from './wait-until';

const ORDERS = 12;
const EXPIRE_SECONDS = 300;
const PAST_EXPIRY_MS = (EXPIRE_SECONDS + 20) * 1000;
const POLL_INTERVAL_MS = 1_000;
/** The first life's settler would run only after 10 minutes: the refunds are surely unsent at the kill. */
const FIRST_LIFE_REFUND_CHECK_MS = 600_000;
const SECOND_LIFE_REFUND_CHECK_MS = 200;
const CART = [
  { sku: 'ca-phe-sua-da', quantity: 2 },
  { sku: 'banh-mi', quantity: 1 },
  { sku: 'banh-flan', quantity: 1 },
];
const CART_TOTAL = 125_000;

const countSchema = z.array(z.object({ n: z.coerce.number() }));
const refundRowSchema = z.array(
  z.object({
    app_trans_id: z.string(),
    kind: z.string(),
    amount: z.coerce.number(),
    state: z.string(),
  }),
);

describe.skipIf(!chaosDatabaseReachable)(
  'kill -9 between a second payment and its automatic refund',
  () => {
    const stage = useChaosStage({
      env: {
        ORDER_EXPIRE_SECONDS: String(EXPIRE_SECONDS),
        POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
        POLL_TICK_MS: '200',
        QUERY_RATE_PER_SECOND: '100',
        POLL_LEASE_MS: '2000',
        FULFILMENT_LEASE_MS: '2000',
        ZALOPAY_TIMEOUT_MS: '2000',
      },
    });

    it('fulfils each order once and refunds each second payment once, across the kill', async () => {
      const count = async (query: Promise<unknown>) => countSchema.parse(await query)[0]?.n ?? -1;
      const port = await freePort();
      const firstLife = await stage().startInstance(
        { REFUND_CHECK_INTERVAL_MS: String(FIRST_LIFE_REFUND_CHECK_MS) },
        port,
      );
      const orders = await Promise.all(
        Array.from({ length: ORDERS }, async () => {
          const order = await createMerchantOrder(firstLife.url, CART);
          expect(order.total).toBe(CART_TOTAL);
          return {
            id: order.order_id,
            first: await payMerchantOrder(firstLife.url, order.order_id),
          };
        }),
      );

      // Attempt 1 expires at ZaloPay's clock (the poller learns it), then the clock goes back so the
      // shopper's old QR is payable again while the checkout makes attempt 2.
      await stage().admin.setClockOffset(PAST_EXPIRY_MS);
      const pending = () =>
        count(
          stage().database.sql`select count(*) as n from payment_attempts where status = 'PENDING'`,
        );
      expect(
        await waitUntil(async () => (await pending()) === 0, { limitMs: 10 * POLL_INTERVAL_MS }),
        `${await pending()} attempts still PENDING`,
      ).not.toBeNull();
      await stage().admin.setClockOffset(0);
      const attempts = await Promise.all(
        orders.map(async (order) => ({
          ...order,
          second: await payMerchantOrder(firstLife.url, order.id),
        })),
      );
      for (const attempt of attempts) expect(attempt.second).toMatch(/_2$/);

      // Attempt 2 paid and fulfilled: the first payment.
      await runConcurrently(attempts, 6, async ({ second }) => {
        expect((await stage().admin.tryPay(second)).result).toBe('paid');
      });
      const done = () =>
        count(stage().database.sql`select count(*) as n from fulfilments where status = 'DONE'`);
      expect(
        await waitUntil(async () => (await done()) === ORDERS, { limitMs: 15_000 }),
      ).not.toBeNull();

      // The second payment: each callback acknowledged, then the server dies at once.
      await runConcurrently(attempts, 6, async ({ first }) => {
        expect((await stage().admin.tryPay(first)).result).toBe('paid');
      });
      await firstLife.kill9();
      expect(firstLife.alive()).toBe(false);

      const atKill = refundRowSchema.parse(
        await stage().database.sql`
        select o.app_trans_id, r.kind, r.amount, r.state
        from refunds r join payment_attempts o on o.id = r.order_id order by o.app_trans_id`,
      );
      const truthAtKill = await stage().admin.orders();
      const refundsAtEmulatorAtKill = truthAtKill.reduce((sum, o) => sum + o.refunds.length, 0);
      console.info(
        `kill -9 between payment and refund: at the kill ${atKill.length} refund rows ` +
          `(${atKill.filter((row) => row.state === 'PENDING').length} PENDING), ` +
          `${refundsAtEmulatorAtKill} refunds at the emulator, ${await done()} fulfilments done`,
      );
      expect(atKill).toEqual(
        attempts
          .map(({ first }) => ({
            app_trans_id: first,
            kind: 'extra_payment',
            amount: CART_TOTAL,
            state: 'PENDING',
          }))
          .sort((a, b) => a.app_trans_id.localeCompare(b.app_trans_id)),
      );
      expect(refundsAtEmulatorAtKill).toBe(0);

      const startedAgainAt = performance.now();
      const secondLife = await stage().startInstance(
        { REFUND_CHECK_INTERVAL_MS: String(SECOND_LIFE_REFUND_CHECK_MS) },
        port,
      );
      const readyInMs = performance.now() - startedAgainAt;
      let report: TruthReport = await compareWithTruth(stage().database.sql, truthAtKill);
      const settledInMs = await waitUntil(
        async () => {
          report = await compareWithTruth(stage().database.sql, await stage().admin.orders());
          return truthReached(report);
        },
        { limitMs: 30_000, everyMs: 250 },
      );
      const truth = await stage().admin.orders();
      const delivered = [...firstLife.fulfilmentDeliveries(), ...secondLife.fulfilmentDeliveries()];
      console.info(
        `kill -9 between payment and refund: restarted server ready in ${Math.round(readyInMs)} ms, truth reached ` +
          `${settledInMs === null ? 'never' : `${Math.round(settledInMs)} ms`} after that; ` +
          `${delivered.length} hook deliveries; ${describeTruthReport(report)}`,
      );
      expect(settledInMs, describeTruthReport(report)).not.toBeNull();
      expect(report.mismatches).toEqual([]);
      expect(report.wrongRefunds).toEqual([]);
      expect(report.wrongFulfilments).toEqual([]);
      expect(report.doublePayments).toBe(ORDERS);
      expect(report.refunds).toBe(ORDERS);
      expect(report.emulatorRefundsSucceeded).toBe(ORDERS);
      for (const { first, second } of attempts) {
        const refundsOfFirst = truth.find((o) => o.app_trans_id === first)?.refunds;
        expect(refundsOfFirst).toEqual([
          expect.objectContaining({ amount: CART_TOTAL, status: 'success' }),
        ]);
        expect(truth.find((o) => o.app_trans_id === second)?.refunds).toEqual([]);
      }
      expect(report.fulfilmentsDone).toBe(ORDERS);
      expect(new Set(delivered)).toEqual(await paidMerchantOrderIds(stage().database.sql, truth));
      expect(delivered).toHaveLength(ORDERS);
      expect(secondLife.alive()).toBe(true);
    });
  },
);
