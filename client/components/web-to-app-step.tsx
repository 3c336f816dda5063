// The Web-to-App step of one payment attempt: a QR code to scan on desktop, or a hand-off to the ZaloPay app
// on the same device, with a manual switch between the two. It follows the attempt live until it is final,
// and treats the end of the countdown as "expired" while still listening, in case a payment lands late.
// Once PAID it hands over to the page, which shows the order's receipt. When the phone that scanned the
// code reports a decline or cancel (phoneReport), it says so beside the QR code, which can still be paid.
import { useEffect, useEffectEvent, useState } from 'react';
import type { PaymentView } from '../../server/payments/status/payment-view';
import { Announce } from '../a11y/live-announcer';
import type { DeviceMode } from '../device-mode';
import { useOrderMessages } from '../i18n/order-messages';
import { useRecoveryMessages } from '../i18n/use-recovery-messages';
import { newestView } from '../live-status/newest-view';
import { useLivePayment } from '../live-status/use-live-payment';
import { Countdown } from './countdown';
import { PaymentOutcome } from './payment-outcome';
import { PaymentQrTabs } from './payment-qr-tabs';
import { PhoneReportNotice } from './phone-report-notice';
import { ResultHeading } from './result-heading';
import { ZaloPayAppHelp } from './zalopay-app-help';
import { Spinner } from './spinner';

interface WebToAppStepProps {
  /** The attempt to pay: createPayment's answer, or the order's live attempt after a reload. */
  attempt: PaymentView;
  /** The shopper has just asked to pay (a phone was sent to ZaloPay); false when the page was reopened. */
  openedNow: boolean;
  clockOffsetMs: number;
  mode: DeviceMode;
  onModeChange: (mode: DeviceMode) => void;
  openUrl: (url: string) => void;
  /** Asks for the order's next attempt (a new QR code); the expired or failed one is left alone. */
  onNewAttempt: () => void;
  /** The attempt is PAID: the page fetches the order's receipt. */
  onPaid: () => void;
  pollIntervalMs?: number | undefined;
}

export function WebToAppStep({
  attempt,
  openedNow,
  clockOffsetMs,
  mode,
  onModeChange,
  openUrl,
  onNewAttempt,
  onPaid,
  pollIntervalMs,
}: WebToAppStepProps) {
  const messages = useOrderMessages();
  const recovery = useRecoveryMessages();
  const [countdownEnded, setCountdownEnded] = useState(false);
  const [focusQr, setFocusQr] = useState(openedNow);
  /** The shopper put the phone's report away ("Choose another way to pay"): the QR step as before. */
  const [reportPutAway, setReportPutAway] = useState(false);
  const live = useLivePayment(attempt.appTransId, { watching: true, pollIntervalMs });
  const view = newestView(attempt, live.view) ?? attempt;
  const paid = view.status === 'PAID';
  const reportPaid = useEffectEvent(onPaid);

  useEffect(() => {
    if (paid) reportPaid();
  }, [paid]);

  if (paid) {
    return (
      <p className="progress">
        <Announce message={messages.preparingReceipt} />
        <Spinner />
        {messages.preparingReceipt}
      </p>
    );
  }

  if (view.status !== 'PENDING' || countdownEnded) {
    const status = view.status === 'PENDING' ? 'EXPIRED' : view.status;
    return (
      <PaymentOutcome
        status={status}
        amount={view.amount}
        orderId={view.orderId}
        appTransId={view.appTransId}
        headingLevel={2}
      >
        <button type="button" className="pay-button" onClick={onNewAttempt}>
          {status === 'EXPIRED' ? recovery.payAgain : messages.tryAgain}
        </button>
      </PaymentOutcome>
    );
  }

  const orderUrl = view.orderUrl;
  if (!orderUrl) {
    return (
      <section className="error-box">
        <Announce message={messages.createFailed} />
        <p>{messages.createFailed}</p>
        <button type="button" onClick={onNewAttempt}>
          {messages.tryAgain}
        </button>
      </section>
    );
  }

  // The phone that scanned the code came back declined or cancelled (a verified redirect): say so, QR kept.
  const phoneReport = view.phoneReport && !reportPutAway && (
    <PhoneReportNotice
      report={view.phoneReport}
      orderUrl={orderUrl}
      onChooseAnotherWay={() => {
        setReportPutAway(true);
        setFocusQr(true);
        onModeChange('qr');
      }}
    />
  );

  const countdown = (
    <Countdown
      expiresAt={view.expiresAt}
      clockOffsetMs={clockOffsetMs}
      onExpire={() => setCountdownEnded(true)}
      renew={{ label: recovery.newQrCode, onClick: onNewAttempt }}
    />
  );

  // On a phone, the way back to the QR code (a shopper on a desktop that looked like a phone).
  const showQrInstead = (
    <button
      type="button"
      className="secondary"
      onClick={() => {
        setFocusQr(true);
        onModeChange('qr');
      }}
    >
      {messages.showQrInstead}
    </button>
  );

  if (mode === 'redirect' && !openedNow) {
    return (
      <section className="web-to-app">
        <Announce message={messages.continueInZaloPayHeading} />
        <h2>{messages.continueInZaloPayHeading}</h2>
        <p>{messages.continueInZaloPayBody}</p>
        <button type="button" className="pay-button" onClick={() => openUrl(orderUrl)}>
          {messages.openZaloPay}
        </button>
        {phoneReport}
        {countdown}
        <ZaloPayAppHelp orderUrl={orderUrl} />
        {showQrInstead}
      </section>
    );
  }

  if (mode === 'redirect') {
    return (
      <section className="web-to-app">
        <Announce message={messages.openingZaloPay} />
        <h2>{messages.openingZaloPay}</h2>
        <p>{messages.openingHint}</p>
        <p>
          <a href={orderUrl}>{messages.openLink}</a>
        </p>
        {phoneReport}
        {countdown}
        <ZaloPayAppHelp orderUrl={orderUrl} />
        {showQrInstead}
      </section>
    );
  }

  return (
    <section className="web-to-app">
      <Announce message={messages.waitingForPayment} />
      <ResultHeading key={reportPutAway ? 'ways' : 'qr'} level={2} takeFocus={focusQr}>
        {messages.qrHeading}
      </ResultHeading>
      <PaymentQrTabs
        orderUrl={orderUrl}
        qrCode={view.qrCode}
        amount={view.amount}
        appTransId={view.appTransId}
      />
      {countdown}
      {phoneReport || (
        <p className="waiting">
          <Spinner />
          {messages.waitingForPayment}
        </p>
      )}
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
