// The Web-to-App step of one order: a QR code to scan on desktop, or a hand-off to the ZaloPay app on
// the same device, with a manual switch between the two. It follows the order live until it is final,
// and treats the end of the countdown as "expired" while still listening, in case a payment lands late.
import { useState } from 'react';
import type { PaymentView } from '../../server/payments/payment-view';
import { Announce } from '../a11y/live-announcer';
import type { DeviceMode } from '../device-mode';
import { useI18n } from '../i18n/language-context';
import { newestView } from '../live-status/newest-view';
import { useLivePayment } from '../live-status/use-live-payment';
import { Countdown } from './countdown';
import { PaymentOutcome } from './payment-outcome';
import { QrPanel } from './qr-panel';
import { Spinner } from './spinner';

interface WebToAppStepProps {
  /** The view createPayment returned. */
  created: PaymentView;
  clockOffsetMs: number;
  mode: DeviceMode;
  onModeChange: (mode: DeviceMode) => void;
  openUrl: (url: string) => void;
  /** Starts a fresh order (a new QR code); the expired or failed one is left alone. */
  onNewOrder: () => void;
  pollIntervalMs?: number | undefined;
}

export function WebToAppStep({
  created,
  clockOffsetMs,
  mode,
  onModeChange,
  openUrl,
  onNewOrder,
  pollIntervalMs,
}: WebToAppStepProps) {
  const { messages } = useI18n();
  const [countdownEnded, setCountdownEnded] = useState(false);
  const live = useLivePayment(created.appTransId, { watching: true, pollIntervalMs });
  const view = newestView(created, live.view) ?? created;

  if (view.status !== 'PENDING' || countdownEnded) {
    const status = view.status === 'PENDING' ? 'EXPIRED' : view.status;
    return (
      <PaymentOutcome
        status={status}
        amount={view.amount}
        appTransId={view.appTransId}
        reason={view.reason}
        headingLevel={2}
      >
        {status === 'PAID' ? (
          <a href="/">{messages.backToShop}</a>
        ) : (
          <button type="button" onClick={onNewOrder}>
            {status === 'EXPIRED' ? messages.newQrCode : messages.tryAgain}
          </button>
        )}
      </PaymentOutcome>
    );
  }

  const orderUrl = view.orderUrl;
  if (!orderUrl) {
    return (
      <section className="error-box">
        <Announce message={messages.createFailed} />
        <p>{messages.createFailed}</p>
        <button type="button" onClick={onNewOrder}>
          {messages.tryAgain}
        </button>
      </section>
    );
  }

  const countdown = (
    <Countdown
      expiresAt={view.expiresAt}
      clockOffsetMs={clockOffsetMs}
      onExpire={() => setCountdownEnded(true)}
    />
  );

  if (mode === 'redirect') {
    return (
      <section className="web-to-app">
        <Announce message={messages.openingZaloPay} />
        <h2>{messages.openingZaloPay}</h2>
        <p>{messages.openingHint}</p>
        <p>
          <a href={orderUrl}>{messages.openLink}</a>
        </p>
        {countdown}
        <button type="button" className="secondary" onClick={() => onModeChange('qr')}>
          {messages.showQrInstead}
        </button>
      </section>
    );
  }

  return (
    <section className="web-to-app">
      <Announce message={messages.waitingForPayment} />
      <h2>{messages.qrHeading}</h2>
      <QrPanel orderUrl={orderUrl} amount={view.amount} />
      {countdown}
      <p className="waiting">
        <Spinner />
        {messages.waitingForPayment}
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          onModeChange('redirect');
          openUrl(orderUrl);
        }}
      >
        {messages.openOnDevice}
      </button>
    </section>
  );
}
