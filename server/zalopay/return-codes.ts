// ZaloPay's return codes by name (docs/zalopay-protocol.md §2, §3.7, §4.2, §7), so the translation code reads
// as "DUPLICATE_APP_TRANS_ID" instead of "-68".

export const RETURN_CODE = {
  SUCCESS: 1,
  FAIL: 2,
  PROCESSING: 3,
} as const;

export const SUB_RETURN_CODE = {
  /** create: app_trans_id already used; query it (our retry of the same create lands here). */
  DUPLICATE_APP_TRANS_ID: -68,
  /** refund: m_refund_id already used; query_refund it. */
  DUPLICATE_M_REFUND_ID: -23,
  /** query: the order expired unpaid. */
  TIME_INVALID: -54,
  /** query: unknown app_trans_id; query_refund: unknown m_refund_id; refund: unknown zp_trans_id. */
  NOT_FOUND: -101,
  /** query: the wallet balance was too low; the shopper may still top up and pay while the order is valid. */
  BALANCE_NOT_ENOUGH: -63,
  /** query_refund (with return_code 3): still processing, keep polling. */
  REFUND_PROCESSING: 2,
  /** query_refund (with return_code 3): stuck, needs ZaloPay operations. */
  REFUND_PENDING_MANUAL: -1,
} as const;

/** Codes about the request itself, not the order (they appear as return_code or as sub_return_code). */
export const REQUEST_REFUSED_CODES: ReadonlySet<number> = new Set([
  -401, // ILLEGAL_DATA_REQUEST
  -402, // ILLEGAL_APP/SIGNATURE_REQUEST
  -403, // ILLEGAL_SIGNATURE_REQUEST (legacy)
  -405, // ILLEGAL_CLIENT_REQUEST (legacy)
]);

export const RATE_LIMITED_CODE = -429;

/**
 * "Try again later": -500 SYSTEM_ERROR, -999 SYSTEM_MAINTENANCE, -33 APP_MAINTENANCE (SDK spec).
 * The SDK's longer legacy maintenance list is left out on purpose: -32 there collides with
 * query_refund's final TRANS_NOT_SUPPORT_REFUND.
 */
export const UNAVAILABLE_CODES: ReadonlySet<number> = new Set([-500, -999, -33]);

/** Which answers must become errors rather than outcomes, whichever field carries the code. */
export type GatewayCondition = 'rate_limited' | 'unavailable' | 'refused';

export function gatewayConditionOf(
  returnCode: number,
  subReturnCode: number,
): GatewayCondition | null {
  const codes = [returnCode, subReturnCode];
  if (codes.includes(RATE_LIMITED_CODE)) return 'rate_limited';
  if (codes.some((code) => UNAVAILABLE_CODES.has(code))) return 'unavailable';
  if (codes.some((code) => REQUEST_REFUSED_CODES.has(code))) return 'refused';
  return null;
}
