// A merchant order's payment attempts as a table, each linking to its own page: on the merchant order's
// page, and on an attempt's page (where the attempt shown is in bold, not a link).
import type { PaymentAttempt } from '../../../db/schema';
import { AttemptFlags, AttemptLink } from './attempt-parts';
import { vnd } from './display-words';
import { VietnamTime } from './vietnam-time';

function attemptRole(attempt: PaymentAttempt, paidAttemptId: string | null): string {
  if (attempt.id === paidAttemptId) return 'paid the order';
  return attempt.status === 'PAID' ? 'second payment (refunded)' : '';
}

interface AttemptsTableProps {
  attempts: readonly PaymentAttempt[];
  /** The merchant order's paid_attempt_id. */
  paidAttemptId: string | null;
  /** The attempt whose page this is, if any. */
  currentId?: string | undefined;
}

export function AttemptsTable({ attempts, paidAttemptId, currentId }: AttemptsTableProps) {
  if (attempts.length === 0) return <p>No payment attempt yet: the shopper has not pressed Pay.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Attempt</th>
          <th>app_trans_id</th>
          <th>Status</th>
          <th>Amount</th>
          <th>zp_trans_id</th>
          <th>Created at</th>
          <th>Paid at</th>
          <th>Role</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((attempt) => (
          <tr key={attempt.id}>
            <td>{attempt.attempt}</td>
            <td>
              {attempt.id === currentId ? (
                <strong>{attempt.appTransId}</strong>
              ) : (
                <AttemptLink attempt={attempt} />
              )}
            </td>
            <td>
              {attempt.status} <AttemptFlags attempt={attempt} />
            </td>
            <td>{vnd(attempt.amount)}</td>
            <td>{attempt.zpTransId ?? ''}</td>
            <td>
              <VietnamTime at={attempt.createdAt} />
            </td>
            <td>
              <VietnamTime at={attempt.paidAt} />
            </td>
            <td>{attemptRole(attempt, paidAttemptId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
