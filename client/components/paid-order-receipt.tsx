// The receipt of the merchant order a PAID attempt belongs to, loaded by its reference (getOrder). The
// server may record the attempt a moment before the order's receipt, so a receipt-less answer is asked
// again shortly; if the order cannot be read at all, the verified payment is still shown as a success.
import { useQuery } from '@tanstack/react-query';
import type { OrderView } from '../../server/payments/status/order-view';
import type { PaymentView } from '../../server/payments/status/payment-view';
import { useOrderMessages } from '../i18n/order-messages';
import { useTRPC } from '../trpc';
import { PaymentOutcome } from './payment-outcome';
import { Receipt } from './receipt';
import { VerifyingNotice } from './verifying-notice';

const RECEIPT_RETRY_MS = 1_000;

export function hasReceipt(order: OrderView | undefined): boolean {
  return order?.receipt != null;
}

interface PaidOrderReceiptProps {
  /** The PAID attempt, as getStatus verified it. */
  payment: PaymentView;
  headingLevel: 1 | 2;
}

export function PaidOrderReceipt({ payment, headingLevel }: PaidOrderReceiptProps) {
  const trpc = useTRPC();
  const messages = useOrderMessages();
  const order = useQuery({
    ...trpc.getOrder.queryOptions({ orderId: payment.orderId }),
    refetchInterval: (query) =>
      query.state.status === 'error' || hasReceipt(query.state.data) ? false : RECEIPT_RETRY_MS,
  });
  const receipt = order.data?.receipt;

  if (order.data && receipt) {
    return <Receipt order={order.data} receipt={receipt} headingLevel={headingLevel} />;
  }
  if (order.error) {
    return (
      <PaymentOutcome
        status="PAID"
        amount={payment.amount}
        orderId={payment.orderId}
        appTransId={payment.appTransId}
        headingLevel={headingLevel}
      >
        <a href="/">{messages.continueShopping}</a>
      </PaymentOutcome>
    );
  }
  return <VerifyingNotice />;
}
