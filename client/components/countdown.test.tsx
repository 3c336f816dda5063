import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveAnnouncerProvider } from '../a11y/live-announcer';
import { LanguageProvider } from '../i18n/language-context';
import { Countdown } from './countdown';

const NOW = new Date('2026-01-15T10:00:00Z');

function renderCountdown(
  secondsLeft: number,
  clockOffsetMs = 0,
  renew?: { label: string; onClick: () => void },
) {
  const onExpire = vi.fn();
  render(
    <LanguageProvider>
      <LiveAnnouncerProvider>
        <Countdown
          expiresAt={new Date(NOW.getTime() + secondsLeft * 1000)}
          clockOffsetMs={clockOffsetMs}
          onExpire={onExpire}
          renew={renew}
        />
      </LiveAnnouncerProvider>
    </LanguageProvider>,
  );
  return { onExpire };
}

function advanceSeconds(seconds: number) {
  act(() => {
    vi.advanceTimersByTime(seconds * 1000);
  });
}

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks down every second', () => {
    renderCountdown(15 * 60);
    expect(screen.getByRole('timer')).toHaveTextContent('This code expires in 15:00');
    advanceSeconds(1);
    expect(screen.getByRole('timer')).toHaveTextContent('14:59');
    advanceSeconds(64);
    expect(screen.getByRole('timer')).toHaveTextContent('13:55');
  });

  it('warns, visibly and through the live region, once less than a minute is left', () => {
    renderCountdown(61);
    expect(screen.queryByText(/Less than a minute left/)).not.toBeInTheDocument();
    advanceSeconds(2);
    expect(
      screen.getByText(/Less than a minute left/, { selector: '.countdown__warning' }),
    ).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(/Less than a minute left/);
  });

  it('offers a new QR code only in the last minute, when the page can ask for one', () => {
    const onClick = vi.fn();
    renderCountdown(61, 0, { label: 'New QR code', onClick });
    expect(screen.queryByRole('button', { name: 'New QR code' })).not.toBeInTheDocument();
    advanceSeconds(2);
    screen.getByRole('button', { name: 'New QR code' }).click();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('calls onExpire once when the time is up, and stops at 0:00', () => {
    const { onExpire } = renderCountdown(3);
    advanceSeconds(2);
    expect(onExpire).not.toHaveBeenCalled();
    advanceSeconds(1);
    expect(onExpire).toHaveBeenCalledTimes(1);
    advanceSeconds(10);
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('timer')).toHaveTextContent('0:00');
  });

  it('runs on the server clock: with the server 2 minutes ahead, 5 minutes become 3', () => {
    const { onExpire } = renderCountdown(5 * 60, 2 * 60_000);
    expect(screen.getByRole('timer')).toHaveTextContent('3:00');
    advanceSeconds(3 * 60);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
