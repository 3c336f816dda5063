// The heading of a final result (paid, failed, expired, not found…). It takes keyboard and screen
// reader focus when it appears, so the shopper lands on the outcome instead of a button that vanished.
import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface ResultHeadingProps {
  level: 1 | 2;
  children: ReactNode;
}

export function ResultHeading({ level, children }: ResultHeadingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    heading.current?.focus();
  }, []);
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <Heading ref={heading} tabIndex={-1} className="result-heading">
      {children}
    </Heading>
  );
}
