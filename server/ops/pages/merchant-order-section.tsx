// On an attempt's page, the merchant order it belongs to: what was bought, its status and every attempt,
// with the one that paid the order and any later payment marked.
import type { OrderRecord } from '../operator-queries';
import { AttemptsTable } from './attempts-table';
import { MerchantOrderFields } from './merchant-order-fields';

export function MerchantOrderSection({ record }: { record: OrderRecord }) {
  const { merchantOrder, attempts, order } = record;
  return (
    <>
      <h2>
        Merchant order <code>{merchantOrder.id}</code>
      </h2>
      <MerchantOrderFields merchantOrder={merchantOrder} />
      {merchantOrder.status === 'AWAITING_PAYMENT' && (
        <form
          method="post"
          action={`/ops/orders/${encodeURIComponent(order.appTransId)}/cancel/confirm`}
          className="inline"
        >
          <button type="submit">Cancel order…</button>
        </form>
      )}
      <AttemptsTable
        attempts={attempts}
        paidAttemptId={merchantOrder.paidAttemptId}
        currentId={order.id}
      />
    </>
  );
}
