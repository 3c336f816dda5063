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
