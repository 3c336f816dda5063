// Verifies ZaloPay's payment callback (docs/zalopay-protocol.md §5): HMAC(key2, data) checked in constant time on
// the exact `data` string received, before anything inside it is parsed or trusted. Never throws.
import { z } from 'zod';
import { APP_TRANS_ID_MAX_CHARS } from './app-trans-id';
import { int64IdSchema } from './int64-id';
import { hmacHex, isWellFormedMac, macMatches } from './mac';

/** What the merchant replies once a valid callback is recorded (first time or repeat): ZaloPay stops. */
export const CALLBACK_ACK = { return_code: 1, return_message: 'success' } as const;

/** What the merchant replies when its own side failed (e.g. database down): ZaloPay retries, at most 3 times. */
export const CALLBACK_RETRY_LATER = {
  return_code: 0,
  return_message: 'temporary failure, please retry',
} as const;

/** What the official samples reply to a callback whose MAC does not verify (send it with HTTP 400). */
export const CALLBACK_MAC_REJECTED = { return_code: -1, return_message: 'mac not equal' } as const;

/** ZaloPay's `type`: 1 is a payment (order); 2 is an agreement (tokenisation) callback. */
export const CALLBACK_TYPE = { ORDER: 1, AGREEMENT: 2 } as const;

/** Far above the 4096-character `data` limit ZaloPay is reported to use. */
const MAX_BODY_CHARS = 64 * 1024;

export type CallbackRejectionReason =
  | 'body_not_raw' // a parsed object was passed: the MAC needs the raw body
  | 'missing_key'
  | 'body_too_large'
  | 'malformed_body' // not UTF-8 JSON, or no string data / string mac / integer type
  | 'malformed_mac' // not 64 lowercase hex characters
  | 'mac_mismatch' // wrong key (e.g. key1), or data altered
  | 'malformed_data' // the signed data is not JSON
  | 'invalid_data'; // the signed data lacks a field or has a wrong type

/** Why a callback was refused; returned, never thrown, so a route can answer 400 without try/catch. */
export class CallbackVerificationError extends Error {
  readonly reason: CallbackRejectionReason;
  /** The `data` string, when its MAC matched (malformed_data, invalid_data): ZaloPay did sign it. */
  readonly signedData: string | undefined;

  constructor(reason: CallbackRejectionReason, detail: string, signedData?: string) {
    super(`Rejected ZaloPay callback (${reason}): ${detail}`);
    this.name = 'CallbackVerificationError';
    this.reason = reason;
    this.signedData = signedData;
  }
}

export interface CallbackData {
  appId: number;
  appTransId: string;
  appTime: number;
  appUser: string;
  amount: number;
  embedData: string;
  item: string;
  /** A 15-digit JSON number on the wire, kept as a decimal string. */
  zpTransId: string;
  serverTime: number;
  /** The payment method (pmcid): 36 card, 38 wallet, 39 ATM, ... */
  channel: number;
  merchantUserId: string | null;
  zpUserId: string | null;
  userFeeAmount: number;
  discountAmount: number;
}

export type CallbackVerification =
  | { ok: true; data: CallbackData; rawData: string; type: number }
  | { ok: false; error: CallbackVerificationError };

const callbackBodySchema = z.looseObject({
  data: z.string(),
  mac: z.string(),
  type: z.int(),
});

/** Text the ledger can store: PostgreSQL refuses a NUL character in text and in jsonb. */
const text = z.string().refine((value) => !value.includes('\u0000'), 'contains a NUL character');
/** Epoch milliseconds a Date can hold (JavaScript's limit is 8.64e15; year 9999 is plenty). */
const epochMs = z.int().min(0).max(253_402_300_799_999);

/** The fields inside `data` (§5.3), wire names verbatim; unknown fields pass through. */
export const callbackDataWireSchema = z.looseObject({
  app_id: z.int(),
  app_trans_id: text.min(1).max(APP_TRANS_ID_MAX_CHARS),
  app_time: epochMs,
  app_user: text,
  amount: z.int().nonnegative(),
  embed_data: text,
  item: text,
  zp_trans_id: int64IdSchema,
  server_time: epochMs,
  channel: z.int(),
  merchant_user_id: text.optional(),
  zp_user_id: text.optional(),
  user_fee_amount: z.int().default(0),
  discount_amount: z.int().default(0),
});

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function verifyCallback(rawBody: string | Buffer, key2: string): CallbackVerification {
  if (typeof rawBody !== 'string' && !Buffer.isBuffer(rawBody)) {
    return reject(
      'body_not_raw',
      'pass the raw request body (string or Buffer), not a parsed object',
    );
  }
  if (typeof key2 !== 'string' || key2 === '') return reject('missing_key', 'key2 is empty');
  if (rawBody.length > MAX_BODY_CHARS) {
    return reject('body_too_large', `more than ${MAX_BODY_CHARS} characters`);
  }

  const text = typeof rawBody === 'string' ? rawBody : decodeUtf8(rawBody);
  if (text === null) return reject('malformed_body', 'body is not valid UTF-8');
  const body = callbackBodySchema.safeParse(parseJson(text));
  if (!body.success) {
    return reject(
      'malformed_body',
      'expected JSON {"data": string, "mac": string, "type": integer}',
    );
  }

  const { data: rawData, mac, type } = body.data;
  if (!isWellFormedMac(mac))
    return reject('malformed_mac', 'mac is not 64 lowercase hex characters');
  if (!macMatches(hmacHex(key2, rawData), mac)) {
    return reject('mac_mismatch', 'mac does not match HMAC-SHA256(key2, data)');
  }

  const json = parseJson(rawData);
  if (json === undefined) return reject('malformed_data', 'data is not JSON', rawData);
  const fields = callbackDataWireSchema.safeParse(json);
  if (!fields.success) {
    const paths = fields.error.issues.map((issue) => issue.path.join('.') || '(data)');
    return reject('invalid_data', `unexpected fields: ${paths.join(', ')}`, rawData);
  }

  const wire = fields.data;
  return {
    ok: true,
    rawData,
    type,
    data: {
      appId: wire.app_id,
      appTransId: wire.app_trans_id,
      appTime: wire.app_time,
      appUser: wire.app_user,
      amount: wire.amount,
      embedData: wire.embed_data,
      item: wire.item,
      zpTransId: wire.zp_trans_id,
      serverTime: wire.server_time,
      channel: wire.channel,
      merchantUserId: wire.merchant_user_id ?? null,
      zpUserId: wire.zp_user_id ?? null,
      userFeeAmount: wire.user_fee_amount,
      discountAmount: wire.discount_amount,
    },
  };
}

function reject(
  reason: CallbackRejectionReason,
  detail: string,
  signedData?: string,
): CallbackVerification {
  return { ok: false, error: new CallbackVerificationError(reason, detail, signedData) };
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** JSON.parse that answers undefined instead of throwing (JSON itself has no undefined). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
