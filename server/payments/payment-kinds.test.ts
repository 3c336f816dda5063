// The attempt statuses and the ledger's payment kinds are derived from db/schema.ts, not listed again:
// a status or kind added there is one the code knows, and one listed only here fails to compile.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { LEDGER_KINDS, paymentStatus, type LedgerKind } from '../../db/schema';
import type { PaymentEventKind } from './attempts/attempt-input';
import { PAYMENT_STATUSES, type PaymentStatus } from './status/payment-view';
import type { RefundEventKind } from '../refunds/refund-transitions';

describe('statuses and ledger kinds', () => {
  it('PAYMENT_STATUSES is the database enum itself', () => {
    expect(PAYMENT_STATUSES).toBe(paymentStatus.enumValues);
    expectTypeOf<PaymentStatus>().toEqualTypeOf<(typeof paymentStatus.enumValues)[number]>();
  });

  it('payment and refund ledger kinds split LEDGER_KINDS between them', () => {
    expectTypeOf<PaymentEventKind | RefundEventKind>().toEqualTypeOf<LedgerKind>();
    expectTypeOf<Extract<PaymentEventKind, RefundEventKind>>().toBeNever();
    const refundKinds = LEDGER_KINDS.filter((kind) => kind.startsWith('refund_'));
    expect(refundKinds.length).toBeGreaterThan(0);
    expect(refundKinds.length).toBeLessThan(LEDGER_KINDS.length);
  });
});
