// The date prefix is Vietnam's calendar date (UTC+7), the docs/zalopay-protocol.md §12.4 examples included.
import { describe, expect, it } from 'vitest';
import { vietnamYymmdd } from './vietnam-date';

describe('vietnamYymmdd', () => {
  it.each([
    [1704040200000, '231231'], // 2023-12-31T16:30Z = 23:30 in Vietnam
    [1704043800000, '240101'], // 2023-12-31T17:30Z = 00:30 in Vietnam; the UTC date would be 231231
    [1704067200000, '240101'],
  ])('%d -> %s', (epochMs, expected) => {
    expect(vietnamYymmdd(epochMs)).toBe(expected);
  });

  it('does not depend on the UTC date', () => {
    const utcDate = new Date(1704043800000).toISOString().slice(2, 10).replaceAll('-', '');
    expect(utcDate).toBe('231231');
    expect(vietnamYymmdd(1704043800000)).not.toBe(utcDate);
  });
});
