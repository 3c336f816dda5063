// Picks the first language: the one the shopper chose before (localStorage), else the first of the
// browser's preferred languages we speak (navigator.languages), else English.
import { isLanguage, LANGUAGE_STORAGE_KEY, type Language } from './language';

export interface LanguageSources {
  remembered: string | null;
  browserLanguages: readonly string[];
}

export function preferredLanguage({ remembered, browserLanguages }: LanguageSources): Language {
  if (isLanguage(remembered)) return remembered;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function readLanguageSources(): LanguageSources {
  let remembered: string | null = null;
  try {
    remembered = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, strict cookie settings): fall back to the browser's list.
  }
  const { languages, language } = window.navigator;
  return { remembered, browserLanguages: languages.length > 0 ? languages : [language] };
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembering is acceptable; the switch still works for this visit.
  }
}
