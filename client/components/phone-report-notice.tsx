// The desktop's word when the phone that scanned its QR code came back from ZaloPay declined or cancelled
// (the attempt's phoneReport, from a checksum-verified redirect): the reason, and the ways on the phone's
// own result page offers. The attempt stays PENDING and the QR code payable, so the page keeps listening.
import { useId } from 'react';
import type { PhoneReport } from '../../server/payments/status/phone-report';
import { Announce } from '../a11y/live-announcer';
import { useI18n } from '../i18n/language-context';
import { useRecoveryMessages } from '../i18n/use-recovery-messages';

interface PhoneReportNoticeProps {
  report: PhoneReport;
  orderUrl: string;
  /** Puts the notice away and takes the shopper to the QR step's other ways (VietQR, this device). */
  onChooseAnotherWay: () => void;
}

export function PhoneReportNotice({
  report,
  orderUrl,
  onChooseAnotherWay,
}: PhoneReportNoticeProps) {
  const { messages } = useI18n();
  const recovery = useRecoveryMessages();
  const headingId = useId();
  const heading = recovery.phoneReportHeadings[report];
  return (
    <section className="phone-report" data-testid="phone-report" aria-labelledby={headingId}>
      <Announce message={heading} />
      <h3 id={headingId}>{heading}</h3>
      <p>{recovery.redirectReasons[report]}</p>
      <p>{recovery.phoneReportQrStillWorks}</p>
      <div className="actions">
        <a className="button-link pay-button" href={orderUrl}>
          {report === 'cancelled' ? recovery.openZaloPayAgain : recovery.tryAgainInZaloPay}
        </a>
        <button type="button" className="secondary" onClick={onChooseAnotherWay}>
          {recovery.chooseAnotherWay}
        </button>
        <a href="/">{messages.backToShop}</a>
      </div>
    </section>
  );
}
