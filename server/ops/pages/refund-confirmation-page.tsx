// The step between the refund form and ZaloPay: what will be refunded, to confirm or cancel. Confirming
// posts the same fields and the same one-time token on, so a double click still refunds once.
import type { RefundSummary } from '../../refunds/refund-summary';
import { dongInWords } from './amount-words';
import { vnd } from './display-words';
import { PageLayout } from './page-layout';

export interface RefundConfirmationModel {
  appTransId: string;
  amount: number;
  description: string;
  refundToken: string;
  summary: RefundSummary;
}

export function RefundConfirmationPage(model: RefundConfirmationModel) {
  const orderPath = `/ops/orders/${encodeURIComponent(model.appTransId)}`;
  const left = Math.max(0, model.summary.refundable - model.amount);
  return (
    <PageLayout title="Confirm refund" signedIn>
      <h1>{`Refund ${vnd(model.amount)}?`}</h1>
      <dl>
        <dt>Payment attempt</dt>
        <dd>
          <code>{model.appTransId}</code>
        </dd>
        <dt>Amount</dt>
        <dd>
          {vnd(model.amount)} <span className="in-words">({dongInWords(model.amount)})</span>
        </dd>
        <dt>Reason</dt>
        <dd>{model.description}</dd>
        <dt>Left to refund after this</dt>
        <dd>{vnd(left)}</dd>
      </dl>
      <p>ZaloPay sends the money back to the shopper; a refund cannot be undone.</p>
      <form method="post" action={`${orderPath}/refunds`} className="inline">
        <input type="hidden" name="amount" value={String(model.amount)} />
        <input type="hidden" name="description" value={model.description} />
        <input type="hidden" name="refund_token" value={model.refundToken} />
        <button type="submit">{`Confirm refund of ${vnd(model.amount)}`}</button>
        <a href={orderPath}>Cancel</a>
      </form>
    </PageLayout>
  );
}
