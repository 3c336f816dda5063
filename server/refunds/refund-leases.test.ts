// The claim of due refunds on every database driver: it takes only due, unsettled refunds, counts the
// check, and books the next one at the time refund-check-backoff.ts gives for that many checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refunds, type Refund } from '../../db/schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../testing/test-database';
import { insertStoredOrder, refundsOf } from '../testing/stored-orders';
import { MAX_DOUBLINGS, nextRefundCheckAt, refundCheckDelayMs } from './refund-check-backoff';
import { claimDueRefunds } from './refund-leases';
import type { RefundState } from './refund-state-machine';

const FIRST_DELAY_MS = 100;

describe('refund check backoff', () => {
  it('doubles from the first wait, stops doubling after MAX_DOUBLINGS checks, and never passes 10 minutes', () => {
    expect([0, 1, 2, 3].map((checks) => refundCheckDelayMs(checks, FIRST_DELAY_MS))).toEqual([
      100, 200, 400, 800,
    ]);
    const longest = FIRST_DELAY_MS * 2 ** MAX_DOUBLINGS;
    expect(refundCheckDelayMs(MAX_DOUBLINGS, FIRST_DELAY_MS)).toBe(longest);
    expect(refundCheckDelayMs(MAX_DOUBLINGS + 5, FIRST_DELAY_MS)).toBe(longest);
    expect(refundCheckDelayMs(3, 60_000)).toBe(8 * 60_000);
    expect(refundCheckDelayMs(4, 60_000)).toBe(10 * 60_000);
  });
});

describe.each(testDatabaseDrivers())('claiming due refunds on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('claims each due unsettled refund once and books its next check from the backoff', async () => {
    const now = new Date('2026-11-25T03:00:00.000Z');
    const order = await insertStoredOrder(database.db, { status: 'PAID', at: now });
    const row = (checks: number, state: RefundState, dueInMs = 0) => ({
      orderId: order.id,
      mRefundId: `261125_2553_lease${checks}_${state}_${dueInMs}`,
      amount: 1_000,
      description: 'lease test',
      state,
      checks,
      requestedAtMs: now.getTime(),
      nextCheckAt: new Date(now.getTime() + dueInMs),
    });
    const allChecks = Array.from({ length: MAX_DOUBLINGS + 4 }, (_, checks) => checks);
    await database.db
      .insert(refunds)
      .values([
        ...allChecks.map((checks) => row(checks, checks % 2 === 0 ? 'PENDING' : 'PROCESSING')),
        row(0, 'SUCCEEDED'),
        row(0, 'FAILED'),
        row(0, 'PENDING', 1),
      ]);

    const claimed = await claimDueRefunds(database.db, {
      now,
      firstCheckDelayMs: FIRST_DELAY_MS,
      limit: 50,
    });

    expect(claimed).toHaveLength(allChecks.length);
    for (const refund of claimed) {
      const checksBefore = refund.checks - 1;
      expect(refund.nextCheckAt.getTime()).toBe(
        nextRefundCheckAt(now, checksBefore, FIRST_DELAY_MS).getTime(),
      );
    }
    expect(claimed.map((refund) => refund.checks - 1).sort((a, b) => a - b)).toEqual(allChecks);
    expect(
      await claimDueRefunds(database.db, { now, firstCheckDelayMs: FIRST_DELAY_MS, limit: 50 }),
    ).toEqual([]);
    const untouched = (await refundsOf(database.db, order.id)).filter(
      (refund: Refund) => !claimed.some((taken) => taken.id === refund.id),
    );
    expect(untouched.map((refund) => refund.checks)).toEqual([0, 0, 0]);
  });
});
