// The shopper's language for the whole app: chosen once from their preferences, switchable at any time,
// remembered for the next visit, and mirrored on <html lang> so screen readers pronounce the page right.
import { createContext, use, useEffect, useState, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { vi } from './vi';
import type { Language } from './language';
import { preferredLanguage, readLanguageSources, rememberLanguage } from './preferred-language';

const MESSAGES: Record<Language, Messages> = { en, vi };

interface LanguageContextValue {
  language: Language;
  messages: Messages;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    preferredLanguage(readLanguageSources()),
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  function setLanguage(next: Language) {
    rememberLanguage(next);
    setLanguageState(next);
  }

  return (
    <LanguageContext value={{ language, messages: MESSAGES[language], setLanguage }}>
      {children}
    </LanguageContext>
  );
}

export function useI18n(): LanguageContextValue {
  const value = use(LanguageContext);
  if (!value) throw new Error('useI18n must be used inside <LanguageProvider>');
  return value;
}
