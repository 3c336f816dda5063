// The checkout of one merchant order, at /checkout/{orderId}: what the server says about the order decides
// the page, so a reload, a second tab or Back from ZaloPay lands on the same order. Awaiting payment: the
// order's lines and its payment (the live attempt, or a Pay button). Paid or later: the receipt, never a
// Pay button. Cancelled, expired or unknown: says so, with a way back to the shop. An order made through
// the merchant API offers "Cancel and return" to the merchant's cancel_url while unpaid.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { MerchantOrderStatus } from '../../server/payments/status/order-view';
import { isNotFound } from '../api-error';
import { measureClockOffset } from '../clock-offset';
import { Notice } from '../components/notice';
import { OrderLines } from '../components/order-lines';
import { OrderPayment } from '../components/order-payment';
import { hasReceipt } from '../components/paid-order-receipt';
import { Receipt } from '../components/receipt';
import { Spinner } from '../components/spinner';
import { detectDeviceMode, type DeviceMode } from '../device-mode';
import { useOrderMessages } from '../i18n/order-messages';
import { useTRPC } from '../trpc';

const RECEIPT_POLL_MS = 1_000;

/** The statuses of an order that has been paid (and perhaps fulfilled or refunded since). */
const PAID_STATUSES: readonly MerchantOrderStatus[] = [
  'PAID',
  'FULFILLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
];

interface CheckoutPageProps {
  orderId: string;
  /** The shopper pressed Pay in the shop: ask for a payment at once (never set after a reload). */
  payNow?: boolean;
  /** Defaults to what the device looks like; tests pass it explicitly. */
  initialMode?: DeviceMode;
  /** Leaves for the ZaloPay order page; defaults to window.location.assign. */
  openUrl?: (url: string) => void;
  pollIntervalMs?: number;
}

function openInThisTab(url: string) {
  window.location.assign(url);
}

export function CheckoutPage({
  orderId,
  payNow = false,
  initialMode,
  openUrl = openInThisTab,
  pollIntervalMs,
}: CheckoutPageProps) {
  const trpc = useTRPC();
  const messages = useOrderMessages();
  const [mode, setMode] = useState<DeviceMode>(() => initialMode ?? detectDeviceMode());
  const [expectingReceipt, setExpectingReceipt] = useState(false);
  const orderQuery = useQuery({
    ...trpc.getOrder.queryOptions({ orderId }),
    refetchInterval: (query) =>
      expectingReceipt && query.state.status !== 'error' && !hasReceipt(query.state.data)
        ? RECEIPT_POLL_MS
        : false,
  });
  const order = orderQuery.data;

  if (!order) {
    if (orderQuery.error) {
      const reference = orderQuery.error;
      if (isNotFound(reference) || reference.data?.code === 'BAD_REQUEST') {
        return (
          <Notice
            heading={messages.notFoundHeading}
            body={messages.orderNotFoundBody}
            shopLinkLabel={messages.goToShop}
          />
        );
      }
      return (
        <Notice heading={messages.orderLoadFailedHeading} body={messages.orderLoadFailedBody}>
          <button type="button" onClick={() => void orderQuery.refetch()}>
            {messages.tryAgain}
          </button>
        </Notice>
      );
    }
    return (
      <p className="progress">
        <Spinner />
        {messages.loadingOrder}
      </p>
    );
  }

  if (PAID_STATUSES.includes(order.status)) {
    if (!order.receipt) {
      return (
        <p className="progress">
          <Spinner />
          {messages.preparingReceipt}
        </p>
      );
    }
    return <Receipt order={order} receipt={order.receipt} headingLevel={1} />;
  }

  const { merchant } = order;
  const backToMerchant = merchant?.cancelUrl
    ? { href: merchant.cancelUrl, label: messages.returnToShop(merchant.shopName ?? '') }
    : null;

  if (order.status === 'CANCELLED') {
    return (
      <Notice
        heading={messages.orderCancelledHeading}
        body={messages.orderCancelledBody}
        shopLinkLabel={messages.continueShopping}
        shopLink={backToMerchant}
      />
    );
  }

  if (merchant?.expired) {
    return (
      <Notice
        heading={messages.orderExpiredHeading}
        body={messages.orderExpiredBody}
        shopLink={backToMerchant}
      />
    );
  }

  function readOrderAgain() {
    setExpectingReceipt(true);
    void orderQuery.refetch();
  }

  return (
    <div className="checkout">
      <section className="checkout__order" aria-labelledby="checkout-heading">
        <h1 id="checkout-heading">{messages.cartHeading}</h1>
        <p className="checkout__reference">
          {messages.orderReference}: <code>{order.orderId}</code>
        </p>
        <OrderLines lines={order.lines} total={order.total} />
      </section>
      <div className="checkout__payment">
        {expectingReceipt ? (
          <p className="progress">
            <Spinner />
            {messages.preparingReceipt}
          </p>
        ) : (
          <OrderPayment
            order={order}
            orderClockOffsetMs={measureClockOffset(order.serverTime, orderQuery.dataUpdatedAt)}
            payNow={payNow}
            mode={mode}
            onModeChange={setMode}
            openUrl={openUrl}
            onOrderChanged={readOrderAgain}
            pollIntervalMs={pollIntervalMs}
          />
        )}
        {merchant?.cancelUrl && (
          <p className="checkout__cancel">
            <a href={merchant.cancelUrl}>{messages.cancelAndReturn(merchant.shopName ?? '')}</a>
          </p>
        )}
      </div>
    </div>
  );
}
