// What a merchant order is, as a list of fields: its status in words, total, lines, the merchant's own
// reference and its times. On the order's own page and in the order section of an attempt's page.
import type { ShopOrder } from '../../../db/schema';
import { ORDER_STATUS_WORDS, vnd } from './display-words';
import { VietnamTime } from './vietnam-time';

function TimeField({ label, at }: { label: string; at: Date | null }) {
  if (!at) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <VietnamTime at={at} />
      </dd>
    </>
  );
}

export function MerchantOrderFields({ shopOrder }: { shopOrder: ShopOrder }) {
  return (
    <dl>
      <dt>Status</dt>
      <dd>{ORDER_STATUS_WORDS[shopOrder.status]}</dd>
      <dt>Total</dt>
      <dd>{vnd(shopOrder.total)}</dd>
      {shopOrder.refundedAmount > 0 && (
        <>
          <dt>Refunded</dt>
          <dd>{vnd(shopOrder.refundedAmount)}</dd>
        </>
      )}
      <dt>Lines</dt>
      <dd>
        {shopOrder.lines.map((line, index) => (
          <div key={index}>
            {`${line.quantity} × ${line.nameVi} (${line.sku ?? 'one-off'}) at ${vnd(line.unitPrice)}`}
          </div>
        ))}
      </dd>
      {shopOrder.merchantReference !== null && (
        <>
          <dt>Merchant reference</dt>
          <dd>
            <code>{shopOrder.merchantReference}</code>
          </dd>
        </>
      )}
      <TimeField label="Created at" at={shopOrder.createdAt} />
      {shopOrder.status === 'AWAITING_PAYMENT' && (
        <TimeField label="No new payment after" at={shopOrder.expiresAt} />
      )}
      <TimeField label="Paid at" at={shopOrder.paidAt} />
      <TimeField label="Fulfilled at" at={shopOrder.fulfilledAt} />
      {shopOrder.cancelledAt && (
        <>
          <dt>Cancelled at</dt>
          <dd>
            <VietnamTime at={shopOrder.cancelledAt} /> {`by ${shopOrder.cancelledBy ?? ''}`}
          </dd>
        </>
      )}
    </dl>
  );
}
