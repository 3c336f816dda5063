// How the refund form reads an amount typed the Vietnamese way, and what it refuses (decision 027).
import { describe, expect, it } from 'vitest';
import { dongInWords } from './pages/amount-words';
import { parseRefundAmount, refundAmountField } from './refund-amount';

describe('parseRefundAmount', () => {
  it.each([
    ['50000', 50_000],
    ['50.000', 50_000],
    ['50,000', 50_000],
    ['50 000', 50_000],
    ['50\u00a0000', 50_000],
    ['50\u202f000', 50_000],
    ['1.250.000', 1_250_000],
    ['1,250,000', 1_250_000],
    ['50k', 50_000],
    ['50K', 50_000],
    ['50 k', 50_000],
    ['50.000 ₫', 50_000],
    ['50.000đ', 50_000],
    ['50000 VND', 50_000],
    [' 1000 ', 1_000],
    ['1', 1],
    ['999', 999],
  ])('reads %j as %i dong', (typed, amount) => {
    expect(parseRefundAmount(typed)).toEqual({ ok: true, amount });
  });

  it.each([
    '0x10',
    '1e3',
    '1E3',
    '50.5',
    '50.00',
    '1.5k',
    '1.000,5',
    '1.000,000',
    '1,000.000',
    '1.0000',
    '12.34.567',
    '050000',
    '+50000',
    'Infinity',
    'NaN',
    '50 000 000 000 000 000 000',
    '5 0',
    '٥٠٠٠٠',
    '５００００',
    '50k000',
    'k',
    '.5',
    '50.',
  ])('refuses %j with a message that says how to type it', (typed) => {
    const parsed = parseRefundAmount(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(/whole|too long|far too large/);
  });

  it.each([
    ['', 'is required'],
    ['   ', 'is required'],
    ['0', 'must be above 0'],
    ['000', 'must be above 0'],
    ['-5000', 'must be above 0'],
  ])('refuses %j: amount %s', (typed, problem) => {
    expect(parseRefundAmount(typed)).toEqual({ ok: false, problem });
  });

  it('refuses what is not text (a repeated form field arrives as an array)', () => {
    expect(parseRefundAmount(['1', '2'])).toEqual({ ok: false, problem: 'is required' });
    expect(parseRefundAmount(undefined)).toEqual({ ok: false, problem: 'is required' });
  });

  it('refuses a number beyond what JavaScript counts exactly', () => {
    expect(parseRefundAmount('9007199254740993')).toEqual({
      ok: false,
      problem: 'is far too large',
    });
  });

  it('is a zod field whose problem names the amount', () => {
    expect(refundAmountField.parse('50.000')).toBe(50_000);
    const refused = refundAmountField.safeParse('0x10');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('not a whole number of dong');
  });
});

describe('dongInWords', () => {
  it.each([
    [0, 'zero dong'],
    [7, 'seven dong'],
    [50, 'fifty dong'],
    [305, 'three hundred five dong'],
    [21_000, 'twenty-one thousand dong'],
    [50_000, 'fifty thousand dong'],
    [1_250_000, 'one million two hundred fifty thousand dong'],
    [2_000_000_015, 'two billion fifteen dong'],
  ])('%i reads %j', (amount, words) => {
    expect(dongInWords(amount)).toBe(words);
  });
});
