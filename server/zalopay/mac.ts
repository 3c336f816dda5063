// The HMAC-SHA256 formulas of ZaloPay API v2, one function per signed message (docs/zalopay-protocol.md §2-§8).
// Both the adapter and the emulator sign and verify through this file, so a formula lives in one place.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Lowercase hex HMAC-SHA256 of a UTF-8 string: the only MAC ZaloPay v2 uses. */
export function hmacHex(key: string, input: string): string {
  return createHmac('sha256', key).update(input, 'utf8').digest('hex');
}

const MAC_FORMAT = /^[0-9a-f]{64}$/;

/** True for what ZaloPay's MACs look like: exactly 64 lowercase hex characters. */
export function isWellFormedMac(value: unknown): value is string {
  return typeof value === 'string' && MAC_FORMAT.test(value);
}

/**
 * Constant-time comparison of a MAC we computed with one we received.
 * The received value must first look like a MAC (64 lowercase hex chars): anything else is rejected
 * before any comparison, so the timing of the comparison never depends on attacker-chosen lengths.
 */
export function macMatches(expectedHex: string, receivedHex: unknown): boolean {
  if (!isWellFormedMac(receivedHex)) return false;
  return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(receivedHex, 'hex'));
}

export interface CreateOrderMacFields {
  app_id: number;
  app_trans_id: string;
  app_user: string;
  amount: number;
  app_time: number;
  embed_data: string;
  item: string;
}

/** §3.4: app_id|app_trans_id|app_user|amount|app_time|embed_data|item, signed with key1. */
export function createOrderMacInput(f: CreateOrderMacFields): string {
  return [f.app_id, f.app_trans_id, f.app_user, f.amount, f.app_time, f.embed_data, f.item].join(
    '|',
  );
}

/** §4.1: app_id|app_trans_id|key1, signed with key1 (the key is also the last field). */
export function queryOrderMacInput(appId: number, appTransId: string, key1: string): string {
  return [appId, appTransId, key1].join('|');
}

export interface RefundMacFields {
  app_id: number;
  zp_trans_id: string;
  amount: number;
  refund_fee_amount?: number | undefined;
  description: string;
  timestamp: number;
}

/** §7.1: app_id|zp_trans_id|amount|[refund_fee_amount|]description|timestamp, signed with key1. */
export function refundMacInput(f: RefundMacFields): string {
  const fee = f.refund_fee_amount === undefined ? [] : [f.refund_fee_amount];
  return [f.app_id, f.zp_trans_id, f.amount, ...fee, f.description, f.timestamp].join('|');
}

/** §7.2: app_id|m_refund_id|timestamp, signed with key1. */
export function queryRefundMacInput(appId: number, mRefundId: string, timestamp: number): string {
  return [appId, mRefundId, timestamp].join('|');
}

/** §8: appid|reqtime, signed with key1. */
export function bankListMacInput(appId: number, reqTime: number): string {
  return [appId, reqTime].join('|');
}

export interface RedirectChecksumFields {
  appid: number | string;
  apptransid: string;
  pmcid: number | string;
  bankcode: string;
  amount: number | string;
  discountamount: number | string;
  status: number | string;
}

/** §6: appid|apptransid|pmcid|bankcode|amount|discountamount|status, signed with key2. */
export function redirectChecksumInput(f: RedirectChecksumFields): string {
  return [f.appid, f.apptransid, f.pmcid, f.bankcode, f.amount, f.discountamount, f.status].join(
    '|',
  );
}
