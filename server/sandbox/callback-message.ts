// The callback ZaloPay POSTs to the merchant (zalopay-api.md §5.1-§5.3), byte for byte: `data` is the
// compact JSON of the §5.3 fields in their observed order, with raw UTF-8 and unescaped `/` (exactly what
// JSON.stringify produces), and `mac` is HMAC(key2, data).
import { hmacHex } from '../zalopay/mac';
import type { Payment, SandboxOrder } from './sandbox-order';

export interface CallbackDataOptions {
  payerMerchantUserId: string;
  includeZpUserId: boolean;
}

export function callbackData(
  order: SandboxOrder,
  payment: Payment,
  options: CallbackDataOptions,
): string {
  return JSON.stringify({
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
    merchant_user_id: options.payerMerchantUserId,
    ...(options.includeZpUserId ? { zp_user_id: options.payerMerchantUserId } : {}),
    user_fee_amount: 0,
    discount_amount: 0,
  });
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
