// The columns an attempt's move to PAID writes, defined once: the general transition (attempt-transitions.ts)
// sets them with values, the one-statement callback path (pay-pending-attempt.ts, decision 007) with
// placeholders of its prepared statement, and pay-pending-attempt.test.ts holds the two to the same row.
import type { SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { paymentAttempts } from '../../../db/schema';
import { isLatePayment } from './payment-state-machine';
import type { PaymentStatus } from '../status/payment-view';

export interface PaidValues {
  /** The status the attempt leaves: anything but PENDING makes it a late payment. */
  from: PaymentStatus;
  zpTransId: string | SQL;
  paidAt: Date | SQL;
  via: 'callback' | 'query';
  /** The callback's `channel` (how the shopper paid); a query answer does not say. */
  channel: number | null | SQL;
  now: Date | SQL;
}

export function paidUpdate(values: PaidValues): PgUpdateSetSource<typeof paymentAttempts> {
  return {
    status: 'PAID',
    zpTransId: values.zpTransId,
    paidAt: values.paidAt,
    paidVia: values.via,
    paidChannel: values.channel,
    lateFlag: isLatePayment(values.from),
    nextLateCheckAt: null,
    failureReason: null,
    updatedAt: values.now,
  };
}
