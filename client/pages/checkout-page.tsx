// The checkout: the cart and a "Pay with ZaloPay" button. One click creates one order (the button locks
// while the request runs, and the request carries a fresh idempotency key), then hands over to the
// Web-to-App step: a QR code on desktop, or straight into the ZaloPay app on phones. That step (and its QR
// library) is a separate chunk, fetched on the click while the order is being created.
import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Announce } from '../a11y/live-announcer';
import { badRequestDetail } from '../api-error';
import { cartTotal, DEMO_CART } from '../cart/demo-cart';
import { measureClockOffset } from '../clock-offset';
import { CartSummary } from '../components/cart-summary';
import { Spinner } from '../components/spinner';
import { loadWebToAppStep, useWebToAppStep } from '../components/use-web-to-app-step';
import { detectDeviceMode, type DeviceMode } from '../device-mode';
import { useI18n } from '../i18n/language-context';
import { useTRPC } from '../trpc';

interface CheckoutPageProps {
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
  initialMode,
  openUrl = openInThisTab,
  pollIntervalMs,
}: CheckoutPageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages } = useI18n();
  const [mode, setMode] = useState<DeviceMode>(() => initialMode ?? detectDeviceMode());
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const requestInFlight = useRef(false);

  const createPayment = useMutation(
    trpc.createPayment.mutationOptions({
      onSuccess: (view) => {
        setClockOffsetMs(measureClockOffset(view.serverTime));
        queryClient.setQueryData(trpc.getStatus.queryKey({ appTransId: view.appTransId }), view);
        if (mode === 'redirect' && view.orderUrl) openUrl(view.orderUrl);
      },
    }),
  );

  function startPayment() {
    if (requestInFlight.current) return;
    requestInFlight.current = true;
    void loadWebToAppStep();
    createPayment.mutate(
      {
        amount: cartTotal(DEMO_CART),
        description: messages.orderDescription,
        idempotencyKey: crypto.randomUUID(),
      },
      {
        onSettled: () => {
          requestInFlight.current = false;
        },
      },
    );
  }

  const created = createPayment.data;
  const WebToAppStep = useWebToAppStep(created !== undefined);
  const error = createPayment.error;
  const detail = error && badRequestDetail(error);
  const errorMessage = detail ? messages.checkDetails(detail) : messages.createFailed;

  return (
    <div className="checkout">
      <section className="checkout__order" aria-labelledby="checkout-heading">
        <h1 id="checkout-heading">{messages.cartHeading}</h1>
        <CartSummary lines={DEMO_CART} />
      </section>
      <div className="checkout__payment">
        {created ? (
          WebToAppStep ? (
            // eslint-disable-next-line react-hooks/static-components -- one stable function once its chunk has loaded
            <WebToAppStep
              key={created.appTransId}
              created={created}
              clockOffsetMs={clockOffsetMs}
              mode={mode}
              onModeChange={setMode}
              openUrl={openUrl}
              onNewOrder={startPayment}
              pollIntervalMs={pollIntervalMs}
            />
          ) : (
            <Spinner />
          )
        ) : error ? (
          <div className="error-box">
            <Announce message={errorMessage} />
            <p>{errorMessage}</p>
            <button type="button" onClick={startPayment}>
              {messages.tryAgain}
            </button>
          </div>
        ) : (
          <>
            <button
              type="button"
              className="pay-button"
              onClick={startPayment}
              disabled={createPayment.isPending}
              aria-describedby={createPayment.isPending ? 'creating-order' : undefined}
            >
              {messages.payButton}
            </button>
            {createPayment.isPending && (
              <p className="progress" id="creating-order">
                <Announce message={messages.creatingOrder} />
                <Spinner />
                {messages.creatingOrder}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
