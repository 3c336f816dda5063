// A new attempt is written two ways: in a transaction (a one-off payment) and in one compare-and-swap
// statement (the next attempt of a merchant order). Both must store the same columns and the same
// 'created' ledger row, so the definition in record-new-attempt.ts is the only one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentAttempt } from '../../../db/schema';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../../testing/test-database';
import {
  insertOneOffMerchantOrder,
  ledgerRowsOf,
  storedMerchantOrder,
} from '../../testing/stored-orders';
import { claimNextAttempt } from './claim-next-attempt';
import { recordNewAttempt, type NewAttempt } from './record-new-attempt';

describe.each(testDatabaseDrivers())('the two writers of a new attempt on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.dispose());

  const now = new Date('2026-11-21T08:00:00.123Z');
  const attemptOf = (shopOrderId: string, idempotencyKey: string | null): NewAttempt => ({
    appTransId: `261121_${shopOrderId}_1`,
    shopOrderId,
    attempt: 1,
    appId: 2553,
    appUser: 'demo',
    amount: 10_000,
    description: 'test',
    item: '[]',
    embedData: '{"redirecturl":"http://localhost/"}',
    appTime: now.getTime(),
    idempotencyKey,
    expiresAt: new Date(now.getTime() + 900_000),
    nextPollAt: new Date(now.getTime() + 5_000),
    now,
  });

  it('store the same attempt and the same created ledger row', async () => {
    const viaTransaction = await insertOneOffMerchantOrder(database.db, { at: now });
    const viaClaim = await insertOneOffMerchantOrder(database.db, { at: now });

    const inTransaction = await database.db.transaction((tx) =>
      recordNewAttempt(tx, attemptOf(viaTransaction.id, null)),
    );
    const claimed = await claimNextAttempt(database.db, attemptOf(viaClaim.id, null), 0);

    expect(inTransaction).toBeDefined();
    expect(claimed).toBeDefined();
    const differing = ['id', 'appTransId', 'shopOrderId'] as const;
    const strip = (row: PaymentAttempt) => {
      const copy: Partial<PaymentAttempt> = { ...row };
      for (const key of differing) delete copy[key];
      return copy;
    };
    expect(strip(claimed!)).toEqual(strip(inTransaction!));

    const [transactionLedger] = await ledgerRowsOf(database.db, inTransaction!.id);
    const [claimLedger] = await ledgerRowsOf(database.db, claimed!.id);
    expect(claimLedger!.kind).toBe('created');
    expect(claimLedger!.createdAt).toEqual(transactionLedger!.createdAt);
    expect(claimLedger!.payload).toEqual({
      ...(transactionLedger!.payload as object),
      shopOrderId: viaClaim.id,
    });
    expect((await storedMerchantOrder(database.db, viaClaim.id)).attempts).toBe(1);
  });

  it('the claim writes nothing when the counter moved', async () => {
    const order = await insertOneOffMerchantOrder(database.db, { at: now, attempts: 1 });
    expect(await claimNextAttempt(database.db, attemptOf(order.id, null), 0)).toBeUndefined();
    expect((await storedMerchantOrder(database.db, order.id)).attempts).toBe(1);
  });
});
