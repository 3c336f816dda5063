// The callback ZaloPay POSTs to the merchant (docs/zalopay-protocol.md §5.1-§5.3), byte for byte: `data` is the
// compact JSON of the §5.3 fields in their observed order, with raw UTF-8 and unescaped `/`, `<`, `>`
// and `&` written as \u003c, \u003e, \u0026 like real traffic (a Go-style HTML-safe encoder), and
// `mac` is HMAC(key2, data).
import { hmacHex } from '../../zalopay/mac';
import type { Payment, SandboxOrder } from '../emulated-order';

export interface CallbackDataOptions {
  payerMerchantUserId: string;
  /** The card payer's 22-character id, like the real 2025 card callback. */
  cardPayerMerchantUserId: string;
  includeZpUserId: boolean;
  /** Card payments (channels 36, 39) carry "" as the payer's ids, like the real 2023 card callback. */
  anonymousCardPayer: boolean;
  callbackEscapeHtml: boolean;
}

const CARD_CHANNELS = new Set([36, 39]);
const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

/** What Go's encoding/json does by default: `<`, `>`, `&`, U+2028, U+2029 as \uXXXX escapes. */
export function escapeHtmlInJson(json: string): string {
  return json.replaceAll(
    HTML_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function callbackData(
  order: SandboxOrder,
  payment: Payment,
  options: CallbackDataOptions,
): string {
  const card = CARD_CHANNELS.has(payment.channel);
  const cardPayer = options.anonymousCardPayer ? '' : options.cardPayerMerchantUserId;
  const payer = card ? cardPayer : options.payerMerchantUserId;
  const json = JSON.stringify({
    app_id: order.appId,
    app_trans_id: order.appTransId,
    app_time: order.appTime,
    app_user: order.appUser,
    amount: order.amount,
    embed_data: order.embedData,
    item: order.item,
    zp_trans_id: payment.zpTransId,
    server_time: payment.serverTime,
    channel: payment.channel,
    merchant_user_id: payer,
    ...(options.includeZpUserId ? { zp_user_id: payer } : {}),
    user_fee_amount: 0,
    discount_amount: 0,
  });
  return options.callbackEscapeHtml ? escapeHtmlInJson(json) : json;
}

/** A MAC that looks right (64 lowercase hex) but is not: the correct one with its last digit changed. */
export function corruptedMac(mac: string): string {
  const last = mac.at(-1) === '0' ? '1' : '0';
  return mac.slice(0, -1) + last;
}

/** The request body: {"data":...,"mac":...,"type":1}, type 1 meaning an order callback. */
export function callbackBody(data: string, key2: string, corruptMac = false): string {
  const mac = hmacHex(key2, data);
  return JSON.stringify({ data, mac: corruptMac ? corruptedMac(mac) : mac, type: 1 });
}
