// Every transition of the state machine against a real database: the conditional update, the ledger
// row, the outbox row on the way to PAID, the NOTIFY on commit, and races between inputs.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentAttempts } from '../../../db/schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../../testing/test-database';
import { silentLogger } from '../../logger';
import { insertStoredOrder, ledgerRowsOf, outboxRowsOf } from '../../testing/stored-orders';
import {
  applyPaymentInput,
  type RequestedChange,
  type TransitionDeps,
} from './attempt-transitions';
import type { PaymentStatus } from '../status/payment-view';
import { PAYMENT_STATUS_CHANNEL, announcementsSent } from '../status/status-notifications';

describe.each(testDatabaseDrivers())('order transitions on %s', (driver) => {
  let database: TestDatabase;
  let deps: TransitionDeps;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    deps = { db: database.db, log: silentLogger(), now: () => new Date() };
  });
  afterAll(() => database.dispose());

  const orderIn = (status: PaymentStatus) => insertStoredOrder(database.db, { status });

  const paid = (
    zpTransId = `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    via: 'callback' | 'query' = 'callback',
  ): RequestedChange => ({ to: 'PAID', zpTransId, paidAt: new Date(), via });

  const cases: Array<{
    from: PaymentStatus;
    asked: string;
    change: () => RequestedChange;
    to: PaymentStatus;
    late?: boolean;
  }> = [
    { from: 'PENDING', asked: 'PAID', change: () => paid(), to: 'PAID' },
    {
      from: 'PENDING',
      asked: 'FAILED',
      change: () => ({ to: 'FAILED', reason: 'declined' }),
      to: 'FAILED',
    },
    {
      from: 'PENDING',
      asked: 'EXPIRED',
      change: () => ({ to: 'EXPIRED', reason: 'ran out' }),
      to: 'EXPIRED',
    },
    { from: 'FAILED', asked: 'PAID', change: () => paid(), to: 'PAID', late: true },
    { from: 'EXPIRED', asked: 'PAID', change: () => paid(), to: 'PAID', late: true },
    { from: 'PAID', asked: 'FAILED', change: () => ({ to: 'FAILED', reason: 'x' }), to: 'PAID' },
    { from: 'PAID', asked: 'EXPIRED', change: () => ({ to: 'EXPIRED', reason: 'x' }), to: 'PAID' },
    { from: 'PAID', asked: 'PAID', change: () => paid(), to: 'PAID' },
    {
      from: 'FAILED',
      asked: 'EXPIRED',
      change: () => ({ to: 'EXPIRED', reason: 'x' }),
      to: 'FAILED',
    },
    {
      from: 'EXPIRED',
      asked: 'FAILED',
      change: () => ({ to: 'FAILED', reason: 'x' }),
      to: 'EXPIRED',
    },
  ];

  it.each(cases)('$from asked to become $asked ends $to', async ({ from, change, to, late }) => {
    const order = await orderIn(from);
    const requested = change();
    const result = await applyPaymentInput(
      deps,
      order.id,
      { kind: 'query', payload: { test: true } },
      requested,
    );

    expect(result.order.status).toBe(to);
    expect(result.effect).toBe(from === to ? 'none' : `${from}->${to}`);
    expect(result.order.lateFlag).toBe(late ?? false);
    const [stored] = await database.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.id, order.id));
    expect(stored!.status).toBe(to);
    // Every input is in the ledger, whether or not it changed anything.
    expect(await ledgerRowsOf(database.db, order.id)).toHaveLength(1);
    const outbox = await outboxRowsOf(database.db, order.id);
    expect(outbox).toHaveLength(from !== 'PAID' && to === 'PAID' ? 1 : 0);
    if (outbox[0]) expect(outbox[0].idempotencyKey).toBe(order.shopOrderId);
    if (to === 'FAILED' && from === 'PENDING') expect(stored!.failureReason).toBe('declined');
  });

  it('records an input that changes nothing', async () => {
    const order = await orderIn('PENDING');
    const result = await applyPaymentInput(
      deps,
      order.id,
      { kind: 'redirect_seen', payload: { status: 1 } },
      { to: 'NOTHING' },
    );
    expect(result).toMatchObject({ effect: 'none', repeatedInput: false });
    expect((await ledgerRowsOf(database.db, order.id))[0]).toMatchObject({
      kind: 'redirect_seen',
      payload: { status: 1, effect: 'none' },
    });
  });

  it('flags an amount mismatch without changing the status', async () => {
    const order = await orderIn('PENDING');
    const result = await applyPaymentInput(
      deps,
      order.id,
      { kind: 'callback', payload: {} },
      { to: 'FLAG_AMOUNT_MISMATCH' },
    );
    expect(result.order).toMatchObject({ status: 'PENDING', amountMismatchFlag: true });
    expect(result.effect).toBe('amount_mismatch_flagged');
  });

  it('recognises a repeated input by its dedupe key', async () => {
    const order = await orderIn('PENDING');
    const input = { kind: 'callback' as const, dedupeKey: `callback:${order.id}`, payload: {} };
    const change = paid();
    const first = await applyPaymentInput(deps, order.id, input, change);
    const second = await applyPaymentInput(deps, order.id, input, change);
    expect(first).toMatchObject({ effect: 'PENDING->PAID', repeatedInput: false });
    expect(second).toMatchObject({ effect: 'none', repeatedInput: true });
    expect(await ledgerRowsOf(database.db, order.id)).toHaveLength(1);
    expect(await outboxRowsOf(database.db, order.id)).toHaveLength(1);
  });

  it('lets exactly one of many racing PAID inputs win; the losers read the winner', async () => {
    const order = await orderIn('PENDING');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        applyPaymentInput(
          deps,
          order.id,
          { kind: i % 2 ? 'query' : 'callback', payload: { i } },
          paid('260101000000011', i % 2 ? 'query' : 'callback'),
        ),
      ),
    );
    expect(results.filter((r) => r.effect === 'PENDING->PAID')).toHaveLength(1);
    for (const result of results)
      expect(result.order).toMatchObject({ status: 'PAID', zpTransId: '260101000000011' });
    expect(await ledgerRowsOf(database.db, order.id)).toHaveLength(6);
    expect(await outboxRowsOf(database.db, order.id)).toHaveLength(1);
  });

  it('ends PAID with one outbox row whichever of FAILED and PAID locks the row first', async () => {
    const order = await orderIn('PENDING');
    const results = await Promise.all([
      applyPaymentInput(
        deps,
        order.id,
        { kind: 'query', payload: {} },
        { to: 'FAILED', reason: 'x' },
      ),
      applyPaymentInput(deps, order.id, { kind: 'callback', payload: {} }, paid()),
    ]);
    const effects = results.map((r) => r.effect).sort();
    expect([
      ['FAILED->PAID', 'PENDING->FAILED'],
      ['PENDING->PAID', 'none'],
    ]).toContainEqual(effects);
    const [stored] = await database.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.id, order.id));
    expect(stored!.status).toBe('PAID');
    expect(await outboxRowsOf(database.db, order.id)).toHaveLength(1);
  });

  it('announces a status change on the payment_status channel, and only a change', async () => {
    await announcementsSent(database.db);
    const heard: string[] = [];
    const unlisten = await database.listen(PAYMENT_STATUS_CHANNEL, (payload) =>
      heard.push(payload),
    );
    try {
      const order = await orderIn('PENDING');
      await applyPaymentInput(deps, order.id, { kind: 'query', payload: {} }, { to: 'NOTHING' });
      await applyPaymentInput(deps, order.id, { kind: 'query', payload: {} }, paid());
      const deadline = Date.now() + 5_000;
      while (heard.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await announcementsSent(database.db);
      expect(heard.flatMap((payload) => payload.split(' '))).toEqual([order.appTransId]);
    } finally {
      await unlisten();
    }
  });
});
