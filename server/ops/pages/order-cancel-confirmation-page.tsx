// The step between "Cancel this order" and ZaloPay: which order, what happens to its live payment, to
// confirm or go back. Nothing is cancelled until the operator confirms.
import type { MerchantOrder } from '../../../db/schema';
import { vnd } from './display-words';
import { PageLayout } from './page-layout';

export interface OrderCancelConfirmationModel {
  appTransId: string;
  merchantOrder: MerchantOrder;
  /** Attempts still PENDING: cancelled at ZaloPay first. */
  liveAttempts: string[];
}

export function OrderCancelConfirmationPage(model: OrderCancelConfirmationModel) {
  const attemptPath = `/ops/orders/${encodeURIComponent(model.appTransId)}`;
  const orderPath = `/ops/merchant-orders/${encodeURIComponent(model.merchantOrder.id)}`;
  return (
    <PageLayout title="Confirm order cancellation" signedIn>
      <h1>{`Cancel order ${model.merchantOrder.id}?`}</h1>
      <dl>
        <dt>Total</dt>
        <dd>{vnd(model.merchantOrder.total)}</dd>
        <dt>Payments cancelled at ZaloPay first</dt>
        <dd>{model.liveAttempts.length > 0 ? model.liveAttempts.join(', ') : 'none'}</dd>
      </dl>
      <p>
        The shopper can no longer pay this order, and the merchant is sent order.cancelled. A
        payment that still arrives is refunded automatically. A cancelled order cannot be reopened.
      </p>
      <form method="post" action={`${attemptPath}/cancel`} className="inline">
        <button type="submit">{`Confirm: cancel order ${model.merchantOrder.id}`}</button>
        <a href={orderPath}>Keep the order</a>
      </form>
    </PageLayout>
  );
}
