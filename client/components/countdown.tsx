// Counts down to the order's expiry on the server's clock (browser time + measured offset), warns in the
// last minute (offering a new code, when the page can ask for one), and reports expiry once. The ticking text is a role="timer", which screen readers leave quiet.
import { useEffect, useEffectEvent, useState } from 'react';
import { Announce } from '../a11y/live-announcer';
import { formatMinutesSeconds, secondsUntil } from '../clock-offset';
import { useOrderMessages } from '../i18n/order-messages';

const TICK_MS = 500;

interface CountdownProps {
  expiresAt: Date;
  /** Server clock minus browser clock, from measureClockOffset(). */
  clockOffsetMs: number;
  onExpire: () => void;
  warnBelowSeconds?: number;
  /** Offered with the last-minute warning: the server makes a new attempt of the same order. */
  renew?: { label: string; onClick: () => void } | undefined;
  /** No code on screen (a result page): count the time left to pay, not a code's life. */
  noCodeShown?: boolean;
}

export function Countdown({
  expiresAt,
  clockOffsetMs,
  onExpire,
  warnBelowSeconds = 60,
  renew,
  noCodeShown = false,
}: CountdownProps) {
  const messages = useOrderMessages();
  const [browserNowMs, setBrowserNowMs] = useState(() => Date.now());
  const secondsLeft = secondsUntil(expiresAt, browserNowMs, clockOffsetMs);
  const expired = secondsLeft === 0;
  const reportExpiry = useEffectEvent(onExpire);

  useEffect(() => {
    if (expired) {
      reportExpiry();
      return;
    }
    const timer = setInterval(() => setBrowserNowMs(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [expired]);

  const warning = secondsLeft < warnBelowSeconds;
  const timeLeft = noCodeShown ? messages.canStillPayFor : messages.expiresIn;
  const warningText = noCodeShown ? messages.payingSoonEnds : messages.expiringSoon;
  return (
    <div className={warning ? 'countdown countdown--warning' : 'countdown'}>
      <p role="timer">{timeLeft(formatMinutesSeconds(secondsLeft))}</p>
      {warning && (
        <>
          <p className="countdown__warning">{warningText}</p>
          <Announce message={warningText} />
          {renew && (
            <button type="button" onClick={renew.onClick}>
              {renew.label}
            </button>
          )}
        </>
      )}
    </div>
  );
}
