// Copies a value the shopper may need to read out or paste (ZaloPay's transaction id, the payment link) to the clipboard, and
// says so both on the button and through the live region; if the browser refuses, says how to copy by hand.
import { useState } from 'react';
import { Announce } from '../a11y/live-announcer';
import { useOrderMessages } from '../i18n/order-messages';

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyButtonProps {
  value: string;
  /** The button's accessible name, saying what is copied. */
  label: string;
  /** What the live region says once copied; the ZaloPay transaction id's words unless given. */
  copiedMessage?: string;
  /** Show `label` on the button instead of the short "Copy" (a button that stands alone). */
  showLabel?: boolean;
}

export function CopyButton({ value, label, copiedMessage, showLabel = false }: CopyButtonProps) {
  const messages = useOrderMessages();
  const [state, setState] = useState<CopyState>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      <button
        type="button"
        className="secondary copy-button"
        aria-label={label}
        onClick={() => void copy()}
      >
        {state === 'copied' ? messages.copied : showLabel ? label : messages.copy}
      </button>
      {state === 'copied' && <Announce message={copiedMessage ?? messages.copiedAnnouncement} />}
      {state === 'failed' && (
        <>
          <Announce message={messages.copyFailed} />
          <span className="copy-button__failed">{messages.copyFailed}</span>
        </>
      )}
    </>
  );
}
