// The refund form's amount as a Vietnamese operator types it: VND has no decimals, so "50.000", "50,000"
// and "50 000" all mean fifty thousand dong; anything that could be read two ways is refused (decision 027).
import { z } from 'zod';

export type AmountParse = { ok: true; amount: number } | { ok: false; problem: string };

/** Group separators an operator types or pastes: dot, comma, space, no-break and narrow no-break space. */
const SEPARATOR = '[., \\u00a0\\u202f]';
/** 50000, or 50.000 / 50,000 / 50 000 (one separator throughout, groups of exactly three digits). */
const GROUPED = new RegExp(`^([1-9]\\d{0,2})((${SEPARATOR})\\d{3}(?:\\3\\d{3})*)?$`);
const PLAIN = /^[1-9]\d*$/;
/** "50k" / "50K": thousands, whole numbers only ("1.5k" is refused, "1.500k" would be 1.5 million). */
const THOUSANDS = /^([1-9]\d{0,5})\s?[kK]$/;
/** "50.000 ₫", "50.000đ", "50000 VND": the currency named after the number is allowed and dropped. */
const CURRENCY = /\s?(?:₫|đ|Đ|vnd|VND|vnđ|VNĐ)$/;

const HINT = 'type whole dong, e.g. 50000, 50.000, 50,000, 50 000 or 50k';

/**
 * Reads a typed amount in whole VND. Surrounding spaces are trimmed (they cannot change the number);
 * a leading zero, a sign, hex, exponents, decimals ("1.5", "50.00") and mixed separators ("1.000,5") are
 * refused with a sentence that completes "amount ...".
 */
export function parseRefundAmount(input: unknown): AmountParse {
  if (typeof input !== 'string') return { ok: false, problem: 'is required' };
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: 'is required' };
  if (typed.length > 32) return { ok: false, problem: `is too long: ${HINT}` };
  const withoutCurrency = typed.replace(CURRENCY, '');
  const thousands = THOUSANDS.exec(withoutCurrency);
  if (thousands) return bounded(Number(thousands[1]) * 1000);
  if (PLAIN.test(withoutCurrency)) return bounded(Number(withoutCurrency));
  const grouped = GROUPED.exec(withoutCurrency);
  if (grouped) return bounded(Number(withoutCurrency.replace(/[^0-9]/g, '')));
  if (/^0+$/.test(withoutCurrency)) return { ok: false, problem: 'must be above 0' };
  if (/^-/.test(withoutCurrency)) return { ok: false, problem: 'must be above 0' };
  return { ok: false, problem: `is not a whole number of dong as typed ("${typed}"): ${HINT}` };
}

function bounded(amount: number): AmountParse {
  if (!Number.isSafeInteger(amount)) return { ok: false, problem: 'is far too large' };
  return { ok: true, amount };
}

/** The refund form's `amount` field: the parse above as a zod field, its problem naming the field. */
export const refundAmountField = z.string({ error: 'is required' }).transform((typed, ctx) => {
  const parsed = parseRefundAmount(typed);
  if (parsed.ok) return parsed.amount;
  ctx.issues.push({ code: 'custom', message: parsed.problem, input: typed });
  return z.NEVER;
});
