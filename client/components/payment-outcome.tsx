// What the shopper sees once a payment attempt is final: paid, not completed or expired, in the shopper's
// language (the server's own reason text is English and never shown), with the order's reference. The
// actions (pay again, back to the shop) are the caller's, passed as children.
import type { ReactNode } from 'react';
import type { PaymentStatus } from '../../server/payments/status/payment-view';
import { Announce } from '../a11y/live-announcer';
import { formatVnd } from '../format/vnd';
import { useI18n } from '../i18n/language-context';
import { useOrderMessages } from '../i18n/order-messages';
import { useRecoveryMessages } from '../i18n/use-recovery-messages';
import { ResultHeading } from './result-heading';
import { SupportContact } from '../storefront/support-contact';

export type FinalStatus = Exclude<PaymentStatus, 'PENDING'>;

interface PaymentOutcomeProps {
  status: FinalStatus;
  amount: number;
  /** The merchant order's reference (what the shopper quotes), shown above the attempt's. */
  orderId: string;
  appTransId: string;
  headingLevel: 1 | 2;
  children?: ReactNode;
}

export function PaymentOutcome({
  status,
  amount,
  orderId,
  appTransId,
  headingLevel,
  children,
}: PaymentOutcomeProps) {
  const { language } = useI18n();
  const messages = useOrderMessages();
  const recovery = useRecoveryMessages();
  const { heading, body } = {
    PAID: { heading: messages.paidHeading, body: messages.paidBody(formatVnd(amount, language)) },
    FAILED: { heading: recovery.failedHeading, body: recovery.failedBody },
    EXPIRED: { heading: recovery.expiredHeading, body: recovery.expiredBody },
  }[status];

  return (
    <section className={`outcome outcome--${status.toLowerCase()}`}>
      <Announce message={heading} />
      <ResultHeading level={headingLevel}>{heading}</ResultHeading>
      <p>{body}</p>
      <dl className="outcome__details">
        <dt>{messages.orderReference}</dt>
        <dd>
          <code>{orderId}</code>
        </dd>
        <dt>{messages.paymentReference}</dt>
        <dd>
          <code>{appTransId}</code>
        </dd>
      </dl>
      {status !== 'PAID' && <SupportContact />}
      {children && <div className="actions">{children}</div>}
    </section>
  );
}
