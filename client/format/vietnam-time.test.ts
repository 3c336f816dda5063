import { describe, expect, it } from 'vitest';
import { formatVietnamTime } from './vietnam-time';

describe('formatVietnamTime', () => {
  it('shows the instant in GMT+7 as dd/MM/yyyy HH:mm', () => {
    expect(formatVietnamTime(new Date('2026-11-25T07:05:00Z'))).toBe('25/11/2026 14:05');
  });

  it('moves to the next Vietnamese day after 17:00 UTC, with a 24-hour clock', () => {
    expect(formatVietnamTime(new Date('2026-12-31T17:30:59Z'))).toBe('01/01/2027 00:30');
    expect(formatVietnamTime(new Date('2026-01-15T15:45:00Z'))).toBe('15/01/2026 22:45');
  });
});

describe('formatVietnamTime in English', () => {
  it('names the month, so 4 December cannot be read as April the 12th', () => {
    expect(formatVietnamTime(new Date('2026-12-04T16:57:00Z'), 'en')).toBe('4 Dec 2026, 23:57');
    expect(formatVietnamTime(new Date('2026-12-04T16:57:00Z'), 'vi')).toBe('04/12/2026 23:57');
  });

  it('uses the Vietnamese day and year across midnight and New Year', () => {
    expect(formatVietnamTime(new Date('2026-12-31T17:30:59Z'), 'en')).toBe('1 Jan 2027, 00:30');
    expect(formatVietnamTime(new Date('2026-05-09T03:00:00Z'), 'en')).toBe('9 May 2026, 10:00');
  });
});
