// The shapes a single environment variable takes (a whole number with a floor, an on/off flag, text that
// may be empty), defined once for every setting of variables.ts.
import { z } from 'zod';

export const int = (fallback: number, min = 0) =>
  z.coerce.number().int().min(min).default(fallback);
/** An on/off setting: true, false, 1 or 0. */
export const flagValue = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');
export const flag = (fallback: boolean) => flagValue.default(fallback);
export const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
