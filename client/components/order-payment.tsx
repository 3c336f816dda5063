// Paying one merchant order that awaits payment: its live attempt if it has one (the same QR, the countdown
// continuing), else a "Pay with ZaloPay" button that asks the server for one (createPayment by order id; the
// amount is the order's). "New QR code" asks again for the same order: attempt 2, never a new cart. Only a
// payment the shopper has just asked for sends a phone to ZaloPay; reopening the page never does. An order
// whose last attempt ended (Back from an expired gateway page) says so, with "Pay again". A slow
// answer says "still working" after 3 s and gives up with a retry message after 8 s (use-request-patience).
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrderView } from '../../server/payments/status/order-view';
import { Announce } from '../a11y/live-announcer';
import { badRequestDetail } from '../api-error';
import { measureClockOffset } from '../clock-offset';
import type { DeviceMode } from '../device-mode';
import { useOrderMessages } from '../i18n/order-messages';
import { useRecoveryMessages } from '../i18n/use-recovery-messages';
import { useTRPC } from '../trpc';
import { PaymentOutcome } from './payment-outcome';
import { Spinner } from './spinner';
import { useRequestPatience } from './use-request-patience';
import { loadWebToAppStep, useWebToAppStep } from './use-web-to-app-step';

interface OrderPaymentProps {
  order: OrderView;
  /** Server clock minus browser clock when `order` arrived. */
  orderClockOffsetMs: number;
  /** Ask for a payment at once (the shopper pressed Pay in the shop a moment ago). */
  payNow: boolean;
  mode: DeviceMode;
  onModeChange: (mode: DeviceMode) => void;
  openUrl: (url: string) => void;
  /** The attempt was paid, or the server says the order can no longer be paid: read the order again. */
  onOrderChanged: () => void;
  pollIntervalMs: number | undefined;
}

export function OrderPayment({
  order,
  orderClockOffsetMs,
  payNow,
  mode,
  onModeChange,
  openUrl,
  onOrderChanged,
  pollIntervalMs,
}: OrderPaymentProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const messages = useOrderMessages();
  const recovery = useRecoveryMessages();
  const [paymentClockOffsetMs, setPaymentClockOffsetMs] = useState(0);
  const requestInFlight = useRef(false);
  const askedOnArrival = useRef(false);

  const createPayment = useMutation(
    trpc.createPayment.mutationOptions({
      onSuccess: (view) => {
        setPaymentClockOffsetMs(measureClockOffset(view.serverTime));
        queryClient.setQueryData(trpc.getStatus.queryKey({ appTransId: view.appTransId }), view);
        if (mode === 'redirect' && view.orderUrl) openUrl(view.orderUrl);
      },
      onError: (error) => {
        if (error.data?.code === 'CONFLICT') onOrderChanged();
      },
    }),
  );

  function requestPayment() {
    if (requestInFlight.current) return;
    requestInFlight.current = true;
    void loadWebToAppStep();
    createPayment.mutate(
      { orderId: order.orderId },
      {
        onSettled: () => {
          requestInFlight.current = false;
        },
      },
    );
  }

  const patience = useRequestPatience(createPayment.isPending ? createPayment.submittedAt : null);
  const asked = createPayment.data;
  // While a create is in flight, the order read beside it may already hold the attempt being made, stored
  // before ZaloPay answered and so without its link: the create's own answer shows it.
  const attempt = asked ?? (createPayment.isPending ? null : order.livePayment);
  const WebToAppStep = useWebToAppStep(attempt !== null);

  useEffect(() => {
    if (!payNow || askedOnArrival.current || order.livePayment) return;
    askedOnArrival.current = true;
    requestPayment();
  });

  if (attempt) {
    if (!WebToAppStep) return <Spinner />;
    return (
      // eslint-disable-next-line react-hooks/static-components -- one stable function once its chunk has loaded
      <WebToAppStep
        key={attempt.appTransId}
        attempt={attempt}
        openedNow={asked !== undefined}
        clockOffsetMs={asked ? paymentClockOffsetMs : orderClockOffsetMs}
        mode={mode}
        onModeChange={onModeChange}
        openUrl={openUrl}
        onNewAttempt={requestPayment}
        onPaid={onOrderChanged}
        pollIntervalMs={pollIntervalMs}
      />
    );
  }

  if (patience === 'gave_up') {
    return (
      <div className="error-box">
        <Announce message={recovery.createTimedOut} />
        <p>{recovery.createTimedOut}</p>
        <button
          type="button"
          onClick={() => {
            requestInFlight.current = false;
            requestPayment();
          }}
        >
          {messages.tryAgain}
        </button>
      </div>
    );
  }

  const error = createPayment.error;
  if (error && error.data?.code !== 'CONFLICT') {
    const detail = badRequestDetail(error);
    // 503: ZaloPay gave no answer in time (GatewayUnavailableError): say so, not "could not start".
    const errorMessage = detail
      ? messages.checkDetails(detail)
      : error.data?.code === 'SERVICE_UNAVAILABLE'
        ? recovery.createTimedOut
        : messages.createFailed;
    return (
      <div className="error-box">
        <Announce message={errorMessage} />
        <p>{errorMessage}</p>
        <button type="button" onClick={requestPayment}>
          {messages.tryAgain}
        </button>
      </div>
    );
  }

  const creating = createPayment.isPending;
  const endedAttempt = creating ? undefined : order.attempts.at(-1);
  if (endedAttempt) {
    return (
      <PaymentOutcome
        status={endedAttempt.status === 'FAILED' ? 'FAILED' : 'EXPIRED'}
        amount={order.total}
        orderId={order.orderId}
        appTransId={endedAttempt.appTransId}
        headingLevel={2}
      >
        <button type="button" className="pay-button" onClick={requestPayment}>
          {recovery.payAgain}
        </button>
      </PaymentOutcome>
    );
  }

  return (
    <>
      <button
        type="button"
        className="pay-button"
        onClick={requestPayment}
        disabled={creating}
        aria-describedby={creating ? 'creating-payment' : undefined}
      >
        {messages.payButton}
      </button>
      {creating && (
        <p className="progress" id="creating-payment">
          <Announce
            message={patience === 'still_working' ? recovery.stillWorking : messages.creatingOrder}
          />
          <Spinner />
          {patience === 'still_working' ? recovery.stillWorking : messages.creatingOrder}
        </p>
      )}
    </>
  );
}
