// ZaloPay reconciles by the calendar date in Vietnam (GMT+7), so every date prefix is computed
// in Asia/Ho_Chi_Minh, never in the server's local zone or in UTC (docs/zalopay-protocol.md §3.5).
import { vietnamParts } from '../../client/shared/vietnam-time';

/** `yymmdd` of the given instant in Vietnam. 1704043800000 (2023-12-31T17:30Z) -> "240101". */
export function vietnamYymmdd(epochMs: number): string {
  const parts = vietnamParts(new Date(epochMs));
  return `${parts.year.slice(-2)}${parts.month}${parts.day}`;
}
