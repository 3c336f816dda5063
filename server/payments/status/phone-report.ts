// What the shopper's phone said on its way back from ZaloPay, for a desktop still showing the QR code:
// the newest checksum-verified redirect of an attempt, when it claims a decline or a cancel. A hint for
// wording only: it never changes the attempt's status (only a callback or /v2/query does).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/create-db';
import { preparedPerDatabase } from '../../../db/prepared-per-database';
import { paymentEvents } from '../../../db/schema';
import { REDIRECT_STATUS } from '../../zalopay';

/** declined: a refused card (redirect status -59); cancelled: -49; other: any other non-success. */
export type PhoneReport = 'declined' | 'cancelled' | 'other';

/** The redirect `status` of a declined card (the one real failed redirect, docs/zalopay-protocol.md §12.3). */
export const DECLINED_REDIRECT_STATUS = -59;

/** What a verified redirect's `status` reports; null for a success (the callback will tell). */
export function phoneReportOf(status: number): PhoneReport | null {
  if (status === REDIRECT_STATUS.SUCCESS) return null;
  if (status === REDIRECT_STATUS.CANCELLED) return 'cancelled';
  return status === DECLINED_REDIRECT_STATUS ? 'declined' : 'other';
}

/** The ledger's newest redirect whose checksum held (payments-service.ts records every redirect). */
const newestVerifiedRedirect = preparedPerDatabase((db) =>
  db
    .select({ payload: paymentEvents.payload })
    .from(paymentEvents)
    .where(
      and(
        eq(paymentEvents.orderId, sql.placeholder('orderId')),
        eq(paymentEvents.kind, 'redirect_seen'),
        sql`${paymentEvents.payload}->>'checksumValid' = 'true'`,
      ),
    )
    .orderBy(desc(paymentEvents.id))
    .limit(1)
    .prepare('newest_verified_redirect'),
);

/** The phone's report on a PENDING attempt (payment_attempts.id), or null when it has none to make. */
export async function readPhoneReport(db: Database, orderId: string): Promise<PhoneReport | null> {
  const [row] = await newestVerifiedRedirect(db).execute({ orderId });
  const status = (row?.payload as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? phoneReportOf(status) : null;
}
