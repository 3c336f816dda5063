// Pieces every page that lists payment attempts shows: the link to an attempt and its red flags.
import type { PaymentAttempt } from '../../../db/schema';

/** The attempt's own page, named by its app_trans_id. */
export function AttemptLink({ attempt }: { attempt: PaymentAttempt }) {
  return <a href={`/ops/orders/${encodeURIComponent(attempt.appTransId)}`}>{attempt.appTransId}</a>;
}

export const needsReview = (attempt: PaymentAttempt) =>
  attempt.lateFlag || attempt.amountMismatchFlag;

/** LATE PAYMENT and AMOUNT MISMATCH, each a red label followed by a space; nothing when neither. */
export function AttemptFlags({ attempt }: { attempt: PaymentAttempt }) {
  return (
    <>
      {attempt.lateFlag && <span className="flag">LATE PAYMENT</span>}
      {attempt.lateFlag && ' '}
      {attempt.amountMismatchFlag && <span className="flag">AMOUNT MISMATCH</span>}
      {attempt.amountMismatchFlag && ' '}
    </>
  );
}
