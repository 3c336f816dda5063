// What the shopper sees once an order is final: paid, failed or expired, with the server's reason when it
// gave one. The actions (new order, back to the shop) are the caller's, passed as children.
import type { ReactNode } from 'react';
import type { PaymentStatus } from '../../server/payments/payment-view';
import { Announce } from '../a11y/live-announcer';
import { formatVnd } from '../format/vnd';
import { useI18n } from '../i18n/language-context';
import { ResultHeading } from './result-heading';

export type FinalStatus = Exclude<PaymentStatus, 'PENDING'>;

interface PaymentOutcomeProps {
  status: FinalStatus;
  amount: number;
  appTransId: string;
  reason?: string | null;
  headingLevel: 1 | 2;
  children?: ReactNode;
}

export function PaymentOutcome({
  status,
  amount,
  appTransId,
  reason,
  headingLevel,
  children,
}: PaymentOutcomeProps) {
  const { messages, language } = useI18n();
  const { heading, body } = {
    PAID: { heading: messages.paidHeading, body: messages.paidBody(formatVnd(amount, language)) },
    FAILED: { heading: messages.failedHeading, body: messages.failedBody },
    EXPIRED: { heading: messages.expiredHeading, body: messages.expiredBody },
  }[status];

  return (
    <section className={`outcome outcome--${status.toLowerCase()}`}>
      <Announce message={heading} />
      <ResultHeading level={headingLevel}>{heading}</ResultHeading>
      <p>{body}</p>
      {reason && status !== 'PAID' && (
        <p>
          {messages.reasonLabel}: {reason}
        </p>
      )}
      <dl className="outcome__details">
        <dt>{messages.paymentReference}</dt>
        <dd>
          <code>{appTransId}</code>
        </dd>
      </dl>
      {children && <div className="actions">{children}</div>}
    </section>
  );
}
