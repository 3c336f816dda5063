// ZaloPay sends 64-bit ids (zp_trans_id, refund_id) as JSON numbers. Today's 15-digit values are below
// 2^53, so JavaScript reads them exactly; we still check that, then keep them as decimal strings.
import { z } from 'zod';

/** A JSON number that is a safe non-negative integer, or a string of digits, as a decimal string. */
export const int64IdSchema = z.union([
  z
    .int()
    .nonnegative()
    .transform((id) => String(id)),
  z.string().regex(/^\d{1,19}$/, 'expected a decimal id'),
]);
