// The receipt of a paid order, on the checkout and on /order/confirmation alike: the order reference, what
// was bought, the amount paid, when (Vietnam time), how, and ZaloPay's transaction id (what ZaloPay support
// asks for) with a copy button. "Continue shopping" starts a new cart; an order made through the merchant
// API offers "Return to <shop>" instead, to the merchant's return_url.
import type { OrderView, ReceiptView } from '../../server/payments/status/order-view';
import { Announce } from '../a11y/live-announcer';
import { formatVietnamTime } from '../format/vietnam-time';
import { formatVnd } from '../format/vnd';
import { useI18n } from '../i18n/language-context';
import { useOrderMessages } from '../i18n/order-messages';
import { CopyButton } from './copy-button';
import { OrderLines } from './order-lines';
import { ResultHeading } from './result-heading';
import { SupportContact } from '../storefront/support-contact';

interface ReceiptProps {
  order: OrderView;
  receipt: ReceiptView;
  headingLevel: 1 | 2;
}

export function Receipt({ order, receipt, headingLevel }: ReceiptProps) {
  const { language } = useI18n();
  const messages = useOrderMessages();
  const amountPaid = formatVnd(receipt.amount, language);
  const refundNote =
    order.status === 'REFUNDED'
      ? messages.refundedNote
      : order.status === 'PARTIALLY_REFUNDED'
        ? messages.partiallyRefundedNote
        : null;

  return (
    <section className="outcome outcome--paid receipt">
      <Announce message={messages.paidHeading} />
      <ResultHeading level={headingLevel}>{messages.paidHeading}</ResultHeading>
      <p>{messages.paidBody(amountPaid)}</p>
      {refundNote && <p className="note">{refundNote}</p>}
      <dl className="receipt__details">
        <dt>{messages.orderReference}</dt>
        <dd>
          <code>{order.orderId}</code>
        </dd>
        <dt>{messages.amountPaid}</dt>
        <dd>{amountPaid}</dd>
        <dt>{messages.paidAt}</dt>
        <dd>
          <time dateTime={receipt.paidAt.toISOString()}>
            {messages.vietnamTime(formatVietnamTime(receipt.paidAt, language))}
          </time>
        </dd>
        <dt>{messages.paymentMethod}</dt>
        <dd>{messages.paymentMethods[receipt.method]}</dd>
        <dt>{messages.zpTransId}</dt>
        <dd className="receipt__copyable">
          <code>{receipt.zpTransId}</code>
          <CopyButton value={receipt.zpTransId} label={messages.copyZpTransId} />
        </dd>
      </dl>
      <p className="receipt__hint">{messages.zpTransIdHint}</p>
      <OrderLines lines={order.lines} total={order.total} />
      <SupportContact />
      <div className="actions">
        {order.merchant ? (
          order.merchant.returnUrl && (
            <a className="button-link" href={order.merchant.returnUrl}>
              {messages.returnToShop(order.merchant.shopName ?? '')}
            </a>
          )
        ) : (
          <a className="button-link" href="/">
            {messages.continueShopping}
          </a>
        )}
      </div>
    </section>
  );
}
