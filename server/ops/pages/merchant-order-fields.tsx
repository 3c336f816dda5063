// What a merchant order is, as a list of fields: its status in words, total, lines, the merchant's own
// reference and its times. On the order's own page and in the order section of an attempt's page.
import type { MerchantOrder } from '../../../db/schema';
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

export function MerchantOrderFields({ merchantOrder }: { merchantOrder: MerchantOrder }) {
  return (
    <dl>
      <dt>Status</dt>
      <dd>{ORDER_STATUS_WORDS[merchantOrder.status]}</dd>
      <dt>Total</dt>
      <dd>{vnd(merchantOrder.total)}</dd>
      {merchantOrder.refundedAmount > 0 && (
        <>
          <dt>Refunded</dt>
          <dd>{vnd(merchantOrder.refundedAmount)}</dd>
        </>
      )}
      <dt>Lines</dt>
      <dd>
        {merchantOrder.lines.map((line, index) => (
          <div key={index}>
            {`${line.quantity} × ${line.nameVi} (${line.sku ?? 'one-off'}) at ${vnd(line.unitPrice)}`}
          </div>
        ))}
      </dd>
      {merchantOrder.merchantReference !== null && (
        <>
          <dt>Merchant reference</dt>
          <dd>
            <code>{merchantOrder.merchantReference}</code>
          </dd>
        </>
      )}
      <TimeField label="Created at" at={merchantOrder.createdAt} />
      {merchantOrder.status === 'AWAITING_PAYMENT' && (
        <TimeField label="No new payment after" at={merchantOrder.expiresAt} />
      )}
      <TimeField label="Paid at" at={merchantOrder.paidAt} />
      <TimeField label="Fulfilled at" at={merchantOrder.fulfilledAt} />
      {merchantOrder.cancelledAt && (
        <>
          <dt>Cancelled at</dt>
          <dd>
            <VietnamTime at={merchantOrder.cancelledAt} /> {`by ${merchantOrder.cancelledBy ?? ''}`}
          </dd>
        </>
      )}
    </dl>
  );
}
