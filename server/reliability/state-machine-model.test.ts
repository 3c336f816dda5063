// A model-based test of the order state machine (fast-check commands): random sequences of callbacks
// (valid, late, wrong amount), query answers (paid, pending, expired, failed, unknown code) and the
// clock passing expiry, against a real database. Every observed transition is one of docs/design.md §3,
// all of them are reached, an amount mismatch is never PAID but flagged, and PAID is never left.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentAttempts, type PaymentAttempt } from '../../db/schema';
import { testDatabaseDrivers } from '../testing/test-database';
import { silentLogger } from '../logger';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import type { PaymentStatus } from '../payments/status/payment-view';
import { applyQueryAnswer, isFinalQueryTime } from '../payments/polling/query-answer';
import { newAppTransId, type QueryOrderOutcome } from '../zalopay';
import { paymentCallbackBody } from '../testing/callback-bodies';
import { insertOneOffMerchantOrder } from '../testing/stored-orders';

/** docs/design.md §3, row by row. */
const DESIGN_TRANSITIONS = new Set([
  'PENDING->PAID',
  'PENDING->FAILED',
  'PENDING->EXPIRED',
  'FAILED->PAID',
  'EXPIRED->PAID',
]);
const AMOUNT = 45_000;

interface Model {
  status: PaymentStatus;
  late: boolean;
  amountMismatch: boolean;
  pastExpiry: boolean;
}

interface Real {
  harness: ServiceHarness;
  order: PaymentAttempt;
  observed: Set<string>;
  /** ZaloPay transaction ids are unique across orders: each run gets its own range. */
  zpTransIdBase: number;
}

type Command = fc.AsyncCommand<Model, Real>;

async function reload(real: Real): Promise<PaymentAttempt> {
  const row = await real.harness.orderRow(real.order.appTransId);
  return row;
}

/** Runs one input, records the transition it caused, and compares the row with the model. */
async function step(model: Model, real: Real, input: () => Promise<unknown>): Promise<void> {
  const before = real.order.status;
  await input();
  real.order = await reload(real);
  if (real.order.status !== before) real.observed.add(`${before}->${real.order.status}`);
  expect({
    status: real.order.status,
    late: real.order.lateFlag,
    amountMismatch: real.order.amountMismatchFlag,
  }).toEqual({ status: model.status, late: model.late, amountMismatch: model.amountMismatch });
}

function toPaid(model: Model): void {
  if (model.status === 'PAID') return;
  model.late = model.status !== 'PENDING';
  model.status = 'PAID';
}

class ValidCallback implements Command {
  constructor(readonly zpTransId: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    toPaid(model);
    await step(model, real, async () => {
      const reply = await real.harness.service.handleCallback(
        paymentCallbackBody({
          appTransId: real.order.appTransId,
          amount: AMOUNT,
          zpTransId: real.zpTransIdBase + this.zpTransId,
        }),
      );
      expect(reply.body.return_code).toBe(1);
    });
  }
  toString = () => `callback(zp +${this.zpTransId})`;
}

class WrongAmountCallback implements Command {
  constructor(readonly amount: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    model.amountMismatch = true;
    await step(model, real, async () => {
      const reply = await real.harness.service.handleCallback(
        paymentCallbackBody({
          appTransId: real.order.appTransId,
          amount: this.amount,
          zpTransId: real.zpTransIdBase + 500_000 + this.amount,
        }),
      );
      expect(reply.body.return_code).toBe(1);
    });
  }
  toString = () => `callback(amount ${this.amount})`;
}

type Answer = 'paid' | 'pending' | 'expired' | 'failed' | 'unknown_code' | 'paid_wrong_amount';

function outcomeOf(answer: Answer, zpTransId: number): QueryOrderOutcome {
  const paid = { zpTransId: String(zpTransId), discountAmount: 0, serverTime: Date.now() };
  switch (answer) {
    case 'paid':
      return { kind: 'paid', amount: AMOUNT, ...paid };
    case 'paid_wrong_amount':
      return { kind: 'paid', amount: AMOUNT - 1, ...paid };
    case 'pending':
      return { kind: 'pending', isProcessing: false };
    case 'expired':
      return { kind: 'expired' };
    case 'failed':
      return { kind: 'failed', subReturnCode: -49, message: 'declined' };
    case 'unknown_code':
      return { kind: 'failed', subReturnCode: -999, message: '?', unexpectedReturnCode: 9 };
  }
}

class QueryAnswer implements Command {
  constructor(readonly answer: Answer) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const pending = model.status === 'PENDING';
    if (this.answer === 'paid') toPaid(model);
    if (this.answer === 'paid_wrong_amount') model.amountMismatch = true;
    if (this.answer === 'failed' && pending) model.status = 'FAILED';
    if (this.answer === 'expired' && pending) model.status = 'EXPIRED';
    if (this.answer === 'pending' && pending && model.pastExpiry) model.status = 'EXPIRED';
    const { harness } = real;
    const domain = { db: harness.database.db, log: silentLogger(), now: harness.clock.now };
    await step(model, real, () =>
      applyQueryAnswer(domain, real.order, outcomeOf(this.answer, real.zpTransIdBase + 999_999), {
        source: 'poller',
        finalQuery: isFinalQueryTime(
          real.order,
          harness.clock.now(),
          harness.config.poller.expiryGraceMs,
        ),
      }),
    );
  }
  toString = () => `query(${this.answer})`;
}

class PassExpiry implements Command {
  check = (model: Readonly<Model>) => !model.pastExpiry;
  async run(model: Model, real: Real) {
    model.pastExpiry = true;
    const { harness } = real;
    const dueIn =
      real.order.expiresAt.getTime() + harness.config.poller.expiryGraceMs - harness.clock.nowMs();
    harness.clock.advance(Math.max(0, dueIn) + 1);
    await step(model, real, async () => undefined);
  }
  toString = () => 'clock passes expiry';
}

const commands = [
  fc.integer({ min: 1, max: 400_000 }).map((n) => new ValidCallback(n)),
  fc.integer({ min: 1_000, max: 44_999 }).map((amount) => new WrongAmountCallback(amount)),
  fc
    .constantFrom<Answer>(
      'paid',
      'pending',
      'expired',
      'failed',
      'unknown_code',
      'paid_wrong_amount',
    )
    .map((answer) => new QueryAnswer(answer)),
  fc.constant(new PassExpiry()),
];

describe.each(testDatabaseDrivers())('the order state machine on %s', (driver) => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startServiceHarness(driver);
  });
  afterAll(() => harness?.close());

  it('reaches exactly the transitions of docs/design.md §3, and PAID is final', async () => {
    const observed = new Set<string>();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (sequence) => {
        runs += 1;
        const now = harness.clock.now();
        const merchantOrder = await insertOneOffMerchantOrder(harness.database.db, {
          total: AMOUNT,
          at: now,
          attempts: 1,
        });
        const [order] = await harness.database.db
          .insert(paymentAttempts)
          .values({
            appTransId: newAppTransId(now.getTime()),
            shopOrderId: merchantOrder.id,
            attempt: 1,
            appId: harness.config.appId,
            appUser: 'model',
            amount: AMOUNT,
            description: `model run ${randomBytes(4).toString('hex')}`,
            item: '[]',
            embedData: '{}',
            appTime: now.getTime(),
            expiresAt: new Date(now.getTime() + harness.config.orders.expireSeconds * 1000),
            nextPollAt: new Date(now.getTime() + 3_600_000),
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        const model: Model = {
          status: 'PENDING',
          late: false,
          amountMismatch: false,
          pastExpiry: false,
        };
        await fc.asyncModelRun(
          () => ({
            model,
            real: {
              harness,
              order: order!,
              observed,
              zpTransIdBase: 260000000000000 + runs * 1_000_000,
            },
          }),
          sequence,
        );
        for (const transition of observed) expect(DESIGN_TRANSITIONS).toContain(transition);
      }),
      { numRuns: 150 },
    );
    expect([...observed].sort()).toEqual([...DESIGN_TRANSITIONS].sort());
    console.info(
      `[fast-checks] ${driver}: ${runs} command sequences, transitions seen: ${[...observed].sort().join(', ')}`,
    );
  }, 180_000);
});
