// A final message that is not a payment result (missing reference, unknown or cancelled order, no answer):
// a focused heading, a sentence, the caller's actions and a link to the shop.
import type { ReactNode } from 'react';
import { Announce } from '../a11y/live-announcer';
import { useOrderMessages } from '../i18n/order-messages';
import { ResultHeading } from './result-heading';

interface NoticeProps {
  heading: string;
  body: string;
  /** The shop link's words; "Back to the shop" unless the page says otherwise. */
  shopLinkLabel?: string;
  /** A merchant's own shop to go back to (an order made through the merchant API) instead of ours. */
  shopLink?: { href: string; label: string } | null;
  children?: ReactNode;
}

export function Notice({ heading, body, shopLinkLabel, shopLink, children }: NoticeProps) {
  const messages = useOrderMessages();
  return (
    <section className="notice">
      <Announce message={heading} />
      <ResultHeading level={1}>{heading}</ResultHeading>
      <p>{body}</p>
      <div className="actions">
        {children}
        {shopLink ? (
          <a href={shopLink.href}>{shopLink.label}</a>
        ) : (
          <a href="/">{shopLinkLabel ?? messages.backToShop}</a>
        )}
      </div>
    </section>
  );
}
