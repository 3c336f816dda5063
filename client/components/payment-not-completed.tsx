// The confirmation page after a checksum-verified redirect that is not a success (declined, cancelled…)
// while the attempt is still payable: the reason in words, the order's reference, the time left, and two
// ways on (ZaloPay again with the same order_url, or the order's page). The page keeps listening, so a
// payment made meanwhile still turns it into the receipt; when time runs out it says the payment expired.
import { useState } from 'react';
import type { PaymentView } from '../../server/payments/status/payment-view';
import { Announce } from '../a11y/live-announcer';
import { measureClockOffset } from '../clock-offset';
import { useOrderMessages } from '../i18n/order-messages';
import { useRecoveryMessages } from '../i18n/use-recovery-messages';
import { checkoutPath } from '../shared/page-path';
import type { RedirectReason } from '../redirect/verified-redirect-status';
import { Countdown } from './countdown';
import { PayAgainButton } from './pay-again-button';
import { PaymentOutcome } from './payment-outcome';
import { ResultHeading } from './result-heading';
import { SupportContact } from '../storefront/support-contact';

interface PaymentNotCompletedProps {
  view: PaymentView;
  reason: RedirectReason;
}

export function PaymentNotCompleted({ view, reason }: PaymentNotCompletedProps) {
  const messages = useOrderMessages();
  const recovery = useRecoveryMessages();
  const [clockOffsetMs] = useState(() => measureClockOffset(view.serverTime));
  const [expired, setExpired] = useState(false);
  const cancelled = reason === 'cancelled';
  const heading = cancelled ? recovery.cancelledHeading : recovery.notCompletedHeading;

  if (expired) {
    return (
      <PaymentOutcome
        status="EXPIRED"
        amount={view.amount}
        orderId={view.orderId}
        appTransId={view.appTransId}
        headingLevel={1}
      >
        <PayAgainButton orderId={view.orderId} />
        <a href="/">{messages.backToShop}</a>
      </PaymentOutcome>
    );
  }

  return (
    <section className="outcome outcome--failed">
      <Announce message={heading} />
      <ResultHeading level={1}>{heading}</ResultHeading>
      <p>{recovery.redirectReasons[reason]}</p>
      <dl className="outcome__details">
        <dt>{messages.orderReference}</dt>
        <dd>
          <code>{view.orderId}</code>
        </dd>
      </dl>
      <Countdown
        expiresAt={view.expiresAt}
        clockOffsetMs={clockOffsetMs}
        onExpire={() => setExpired(true)}
        noCodeShown
      />
      <p>{recovery.stillListening}</p>
      <SupportContact />
      <div className="actions">
        {view.orderUrl && (
          <a className="button-link pay-button" href={view.orderUrl}>
            {cancelled ? recovery.openZaloPayAgain : recovery.tryAgainInZaloPay}
          </a>
        )}
        <a href={checkoutPath(view.orderId)}>
          {cancelled ? recovery.returnToOrder : recovery.chooseAnotherWay}
        </a>
      </div>
    </section>
  );
}
