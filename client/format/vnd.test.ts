import { describe, expect, it } from 'vitest';
import { formatVnd } from './vnd';

describe('formatVnd', () => {
  it('writes VND the Vietnamese way and the English way, with no decimals', () => {
    expect(formatVnd(125_000, 'vi')).toBe('125.000\u00a0₫');
    expect(formatVnd(125_000, 'en')).toBe('₫125,000');
    expect(formatVnd(1_000_000, 'en')).toBe('₫1,000,000');
  });
});
