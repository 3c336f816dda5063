// Sessions name the browser and system in words (issue 24, operators item 5).
import { describe, expect, it } from 'vitest';
import { browserWords } from './browser-words';

describe('browserWords', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
      'Chrome 140 on Windows 10 (desktop)',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari 17 on iOS (mobile)',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      'Firefox 128 on Linux (desktop)',
    ],
    ['curl/8.5.0', 'Unknown browser'],
  ])('reads %j as %j', (userAgent, words) => {
    expect(browserWords(userAgent)).toBe(words);
  });

  it('says so when there is no header', () => {
    expect(browserWords(null)).toBe('Unknown browser');
    expect(browserWords('')).toBe('Unknown browser');
  });
});
