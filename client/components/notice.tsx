// A final message that is not a payment result (missing reference, unknown or cancelled order, no answer):
// a focused heading, a sentence, the caller's actions and a link to the shop.
import type { ReactNode } from 'react';
import { Announce } from '../a11y/live-announcer';
import { useI18n } from '../i18n/language-context';
import { ResultHeading } from './result-heading';

interface NoticeProps {
  heading: string;
  body: string;
  /** The shop link's words; "Back to the shop" unless the page says otherwise. */
  shopLinkLabel?: string;
  children?: ReactNode;
}

export function Notice({ heading, body, shopLinkLabel, children }: NoticeProps) {
  const { messages } = useI18n();
  return (
    <section className="notice">
      <Announce message={heading} />
      <ResultHeading level={1}>{heading}</ResultHeading>
      <p>{body}</p>
      <div className="actions">
        {children}
        <a href="/">{shopLinkLabel ?? messages.backToShop}</a>
      </div>
    </section>
  );
}
