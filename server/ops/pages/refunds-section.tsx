// An attempt's refunds (the operator's and the automatic refunds of second payments) and, while money is
// left to refund on a PAID attempt, the form that starts a new one. The form only asks for a
// confirmation step (refund-confirmation-page.tsx); its one-time token makes a form sent twice refund once.
import type { PaymentAttempt, Refund } from '../../../db/schema';
import type { RefundSummary } from '../../refunds/refund-summary';
import { vnd } from './display-words';
import { VietnamTime } from './vietnam-time';

export function RefundsTable({ refunds }: { refunds: Refund[] }) {
  if (refunds.length === 0) return <p>No refunds.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>m_refund_id</th>
          <th>Kind</th>
          <th>Amount</th>
          <th>State</th>
          <th>ZaloPay refund_id</th>
          <th>Reason</th>
          <th>Failure</th>
          <th>Requested at</th>
        </tr>
      </thead>
      <tbody>
        {refunds.map((refund) => (
          <tr key={refund.id}>
            <td>
              <code>{refund.mRefundId}</code>
            </td>
            <td>{refund.kind === 'extra_payment' ? 'automatic: extra payment' : 'operator'}</td>
            <td>{vnd(refund.amount)}</td>
            <td>{refund.state}</td>
            <td>{refund.zpRefundId ?? ''}</td>
            <td>{refund.description}</td>
            <td>{refund.failureReason ?? ''}</td>
            <td>
              <VietnamTime at={refund.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface RefundFormProps {
  order: PaymentAttempt;
  summary: RefundSummary;
  refundToken: string;
}

export function RefundForm({ order, summary, refundToken }: RefundFormProps) {
  if (order.status !== 'PAID' || summary.refundable <= 0) return null;
  return (
    <form
      method="post"
      action={`/ops/orders/${encodeURIComponent(order.appTransId)}/refunds/confirm`}
      className="inline"
    >
      <label>
        {`Amount to refund (VND), at most ${vnd(summary.refundable)} `}
        <input
          name="amount"
          inputMode="numeric"
          autoComplete="off"
          required
          aria-describedby="amount-hint"
          size={14}
        />
      </label>
      <span id="amount-hint" className="hint">
        Whole dong: 50000, 50.000, 50,000, 50 000 or 50k
      </span>
      <label>
        Reason{' '}
        <input
          name="description"
          maxLength={100}
          required
          defaultValue={`Refund for order ${order.appTransId}`}
          size={40}
        />
      </label>
      <input type="hidden" name="refund_token" value={refundToken} />
      <button type="submit">Review refund</button>
    </form>
  );
}

export function RefundsSection({ refunds, ...form }: RefundFormProps & { refunds: Refund[] }) {
  return (
    <>
      <h2>Refunds</h2>
      <RefundsTable refunds={refunds} />
      <RefundForm {...form} />
    </>
  );
}
