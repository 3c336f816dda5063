// Setup for every client test: jest-dom matchers, a clean DOM and clean storage after each test, and the one
// browser API jsdom lacks that the app calls at start (matchMedia: "no media query matches", a desktop).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList => ({
      media: query,
      matches: false,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    });
  }
  afterEach(() => {
    cleanup();
    window.localStorage.clear();
    document.documentElement.lang = 'en';
  });
}
