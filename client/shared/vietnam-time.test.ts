// The date and clock in Vietnam (GMT+7) of an instant, whatever zone the host is in: the day turns at
// 17:00 UTC, to the second.
import { describe, expect, it } from 'vitest';
import { vietnamParts } from './vietnam-time';

describe('vietnamParts', () => {
  it('is seven hours ahead of UTC, zero-padded', () => {
    expect(vietnamParts(new Date('2026-11-25T07:05:09Z'))).toEqual({
      year: '2026',
      month: '11',
      day: '25',
      hour: '14',
      minute: '05',
      second: '09',
    });
  });

  it('turns the day, and the year, at 17:00 UTC', () => {
    expect(vietnamParts(new Date('2023-12-31T16:59:59Z'))).toMatchObject({
      year: '2023',
      month: '12',
      day: '31',
      hour: '23',
      second: '59',
    });
    expect(vietnamParts(new Date('2023-12-31T17:00:00Z'))).toMatchObject({
      year: '2024',
      month: '01',
      day: '01',
      hour: '00',
      minute: '00',
    });
  });
});
