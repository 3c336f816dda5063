// The merchant order a payment attempt belongs to: what was bought, its status and every attempt, with
// the one that paid the order and any later payment (refunded automatically) marked.
import type { PaymentOrder } from '../../../db/schema';
import type { OrderRecord } from '../operator-queries';
import { AttemptFlags, AttemptLink } from './attempt-parts';
import { statusWords, vnd } from './display-words';
import { VietnamTime } from './vietnam-time';

function attemptRole(attempt: PaymentOrder, paidAttemptId: string | null): string {
  if (attempt.id === paidAttemptId) return 'paid the order';
  return attempt.status === 'PAID' ? 'second payment (refunded)' : '';
}

export function MerchantOrderSection({ record }: { record: OrderRecord }) {
  const { shopOrder, attempts, order } = record;
  return (
    <>
      <h2>
        Merchant order <code>{shopOrder.id}</code>
      </h2>
      <dl>
        <dt>Status</dt>
        <dd>{statusWords(shopOrder.status)}</dd>
        <dt>Total</dt>
        <dd>{vnd(shopOrder.total)}</dd>
        <dt>Lines</dt>
        <dd>
          {shopOrder.lines.map((line, index) => (
            <div key={index}>
              {`${line.quantity} × ${line.nameVi} (${line.sku ?? 'one-off'}) at ${vnd(line.unitPrice)}`}
            </div>
          ))}
        </dd>
        <dt>Fulfilled</dt>
        <dd>
          <VietnamTime at={shopOrder.fulfilledAt} />
        </dd>
        {shopOrder.cancelledAt && (
          <>
            <dt>Cancelled</dt>
            <dd>
              <VietnamTime at={shopOrder.cancelledAt} /> {`by ${shopOrder.cancelledBy ?? ''}`}
            </dd>
          </>
        )}
      </dl>
      {shopOrder.status === 'AWAITING_PAYMENT' && (
        <form
          method="post"
          action={`/ops/orders/${encodeURIComponent(order.appTransId)}/cancel/confirm`}
          className="inline"
        >
          <button type="submit">Cancel order…</button>
        </form>
      )}
      <table>
        <thead>
          <tr>
            <th>Attempt</th>
            <th>app_trans_id</th>
            <th>Status</th>
            <th>zp_trans_id</th>
            <th>Created at</th>
            <th>Role</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => (
            <tr key={attempt.id}>
              <td>{attempt.attempt}</td>
              <td>
                {attempt.id === order.id ? (
                  <strong>{attempt.appTransId}</strong>
                ) : (
                  <AttemptLink attempt={attempt} />
                )}
              </td>
              <td>
                {attempt.status} <AttemptFlags attempt={attempt} />
              </td>
              <td>{attempt.zpTransId ?? ''}</td>
              <td>
                <VietnamTime at={attempt.createdAt} />
              </td>
              <td>{attemptRole(attempt, shopOrder.paidAttemptId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
