import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './preferred-language';

describe('preferredLanguage', () => {
  it('follows the browser: Vietnamese for vi or vi-VN, English otherwise', () => {
    expect(preferredLanguage({ remembered: null, browserLanguages: ['vi-VN', 'en-US'] })).toBe(
      'vi',
    );
    expect(preferredLanguage({ remembered: null, browserLanguages: ['vi'] })).toBe('vi');
    expect(preferredLanguage({ remembered: null, browserLanguages: ['en-GB', 'vi'] })).toBe('en');
    expect(preferredLanguage({ remembered: null, browserLanguages: ['fr-FR'] })).toBe('en');
    expect(preferredLanguage({ remembered: null, browserLanguages: [] })).toBe('en');
  });

  it('takes the first language it speaks from the browser list', () => {
    expect(preferredLanguage({ remembered: null, browserLanguages: ['fr-FR', 'vi-VN'] })).toBe(
      'vi',
    );
  });

  it('prefers the language the shopper chose before, and ignores junk in storage', () => {
    expect(preferredLanguage({ remembered: 'en', browserLanguages: ['vi-VN'] })).toBe('en');
    expect(preferredLanguage({ remembered: 'klingon', browserLanguages: ['vi-VN'] })).toBe('vi');
  });
});
