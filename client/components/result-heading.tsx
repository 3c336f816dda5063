// The heading of a result or of the next step (paid, failed, expired, the QR code…). It takes keyboard
// and screen reader focus when it appears, and scrolls into view, so the shopper lands on it instead of
// on a button that vanished (or, at 360 px, above a QR code that sits below the fold).
import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface ResultHeadingProps {
  level: 1 | 2;
  /** False leaves focus and scrolling alone (a page reopened on a step the shopper did not just ask for). */
  takeFocus?: boolean;
  children: ReactNode;
}

export function ResultHeading({ level, takeFocus = true, children }: ResultHeadingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (!takeFocus) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView?.({ block: 'start' });
    // Only on arrival: a later change of takeFocus must not move the shopper.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <Heading ref={heading} tabIndex={-1} className="result-heading">
      {children}
    </Heading>
  );
}
