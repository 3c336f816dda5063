// The page's single polite live region: any component can render <Announce message=… /> and screen
// readers hear the newest status change, without stacking several live regions that talk over each other.
import { createContext, use, useEffect, useState, type ReactNode } from 'react';

const AnnounceContext = createContext<(message: string) => void>(() => {});

export function LiveAnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  return (
    <AnnounceContext value={setMessage}>
      {children}
      <p role="status" aria-live="polite" className="visually-hidden">
        {message}
      </p>
    </AnnounceContext>
  );
}

/** Announces `message` when it first renders and whenever the message changes. */
export function Announce({ message }: { message: string }) {
  const announce = use(AnnounceContext);
  useEffect(() => {
    announce(message);
  }, [announce, message]);
  return null;
}
