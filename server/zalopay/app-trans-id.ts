// Our order ids: ZaloPay wants `yymmdd_<id>`, the date in Vietnam, unique per app, at most 40 chars.
// 128 random bits make collisions (answered -68) practically impossible, unlike the samples' 6 digits.
import { randomBytes } from 'node:crypto';
import { vietnamYymmdd } from './vietnam-date';

/**
 * ZaloPay's documented limit (docs/zalopay-protocol.md §3.1, string(40)) and so the length of every id we
 * make: anything longer is not one of ours, wherever it comes in (a status read, a callback, /ops).
 */
export const APP_TRANS_ID_MAX_CHARS = 40;

/** The ids this adapter makes and ZaloPay accepts: a VN date, '_', then base64url characters. */
export const APP_TRANS_ID_PATTERN = new RegExp(
  `^\\d{6}_[A-Za-z0-9_-]{1,${APP_TRANS_ID_MAX_CHARS - 'yymmdd_'.length}}$`,
);

/** e.g. '240101_q3Vx0b9yJbT2mWZ5kq8aHw' (29 characters). */
export function newAppTransId(nowMs: number = Date.now()): string {
  return `${vietnamYymmdd(nowMs)}_${randomBytes(16).toString('base64url')}`;
}

/**
 * The seed's `yymmdd_<merchant order id>` form, for a merchant that numbers its own orders: `orderPart` is
 * the merchant's id (and attempt, if it pays one order more than once). Throws if the result would not be
 * an app_trans_id ZaloPay accepts (only letters, digits, '_' and '-', at most 40 characters).
 */
export function appTransIdFor(orderPart: string, nowMs: number = Date.now()): string {
  const appTransId = `${vietnamYymmdd(nowMs)}_${orderPart}`;
  if (!APP_TRANS_ID_PATTERN.test(appTransId)) {
    throw new RangeError(`"${orderPart}" cannot follow the date in an app_trans_id`);
  }
  return appTransId;
}

/** A refund id as ZaloPay documents it: `yymmdd_appid_<id>`, VN date, at most 45 characters (§7.1). */
export function newMRefundId(appId: number, nowMs: number = Date.now()): string {
  return `${vietnamYymmdd(nowMs)}_${appId}_${randomBytes(16).toString('base64url')}`;
}
