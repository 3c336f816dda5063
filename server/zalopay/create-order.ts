// POST /v2/create (docs/zalopay-protocol.md §3): the request in app terms, its wire form signed with key1,
// and the translation of ZaloPay's answer into created / duplicate / rejected.
import { z } from 'zod';
import { createOrderMacInput, hmacHex } from './mac';
import type { ZaloPayEndpoint } from './errors';
import { RETURN_CODE, SUB_RETURN_CODE } from './return-codes';
import {
  gatewayCodesOf,
  parseWireResponse,
  responseEnvelopeSchema,
  throwIfRetryLater,
} from './response-envelope';

export const CREATE_ORDER_ENDPOINT = '/v2/create' satisfies ZaloPayEndpoint;

export interface CreateOrderRequest {
  /** `yymmdd_<id>` with the date in Vietnam, at most 40 characters (see newAppTransId). */
  appTransId: string;
  appUser: string;
  /** Integer VND. */
  amount: number;
  /** Epoch ms when the order was made; ZaloPay allows about 15 minutes of skew. */
  appTime: number;
  description: string;
  /** The exact JSON-array string that is signed and sent, e.g. '[]'. */
  item: string;
  /** The exact JSON-object string that is signed and sent, e.g. '{"redirecturl":"..."}'. */
  embedData: string;
  /** 'zalopayapp' for the ZaloPay wallet (Web-to-App); '' shows every method. */
  bankCode?: string;
  callbackUrl?: string;
  /** 300 to 2 592 000; ZaloPay's default is 900. */
  expireDurationSeconds?: number;
  title?: string;
}

export type CreateOrderOutcome =
  | {
      kind: 'created';
      zpTransToken: string;
      orderUrl: string;
      orderToken: string;
      qrCode: string | null;
      cashierOrderUrl: string | null;
    }
  /** sub_return_code -68: this app_trans_id was already created (often by our own earlier attempt): query it. */
  | { kind: 'duplicate' }
  /** A final refusal (-401, -402, ...): do not retry the same request. */
  | { kind: 'rejected'; returnCode: number; subReturnCode: number; message: string };

/** The JSON body of /v2/create, wire names verbatim. item and embed_data travel as strings. */
export interface CreateOrderWireRequest {
  app_id: number;
  app_user: string;
  app_trans_id: string;
  app_time: number;
  expire_duration_seconds?: number;
  amount: number;
  item: string;
  description: string;
  embed_data: string;
  bank_code?: string;
  callback_url?: string;
  title?: string;
  mac: string;
}

/** Builds the body and its MAC over exactly the values that are sent. */
export function buildCreateOrderWireRequest(
  appId: number,
  key1: string,
  request: CreateOrderRequest,
): CreateOrderWireRequest {
  const signed = {
    app_id: appId,
    app_trans_id: request.appTransId,
    app_user: request.appUser,
    amount: request.amount,
    app_time: request.appTime,
    embed_data: request.embedData,
    item: request.item,
  };
  return {
    app_id: signed.app_id,
    app_user: signed.app_user,
    app_trans_id: signed.app_trans_id,
    app_time: signed.app_time,
    expire_duration_seconds: request.expireDurationSeconds,
    amount: signed.amount,
    item: signed.item,
    description: request.description,
    embed_data: signed.embed_data,
    bank_code: request.bankCode,
    callback_url: request.callbackUrl,
    title: request.title,
    mac: hmacHex(key1, createOrderMacInput(signed)),
  };
}

/** The success fields (§3.6); qr_code and cashier_order_url are only present for some apps. */
export const createOrderSuccessWireSchema = responseEnvelopeSchema.extend({
  zp_trans_token: z.string().min(1),
  order_url: z.url(),
  order_token: z.string().min(1).optional(),
  qr_code: z.string().min(1).optional(),
  cashier_order_url: z.url().optional(),
});

export function translateCreateOrderResponse(json: unknown): CreateOrderOutcome {
  const envelope = parseWireResponse(responseEnvelopeSchema, json, CREATE_ORDER_ENDPOINT, false);
  const codes = gatewayCodesOf(envelope);
  throwIfRetryLater(codes, CREATE_ORDER_ENDPOINT);
  if (codes.returnCode === RETURN_CODE.SUCCESS) {
    const created = parseWireResponse(
      createOrderSuccessWireSchema,
      json,
      CREATE_ORDER_ENDPOINT,
      false,
    );
    return {
      kind: 'created',
      zpTransToken: created.zp_trans_token,
      orderUrl: created.order_url,
      // Equal to zp_trans_token in every observed answer; fall back to it if ZaloPay omits it.
      orderToken: created.order_token ?? created.zp_trans_token,
      qrCode: created.qr_code ?? null,
      cashierOrderUrl: created.cashier_order_url ?? null,
    };
  }
  if (codes.subReturnCode === SUB_RETURN_CODE.DUPLICATE_APP_TRANS_ID) return { kind: 'duplicate' };
  return {
    kind: 'rejected',
    returnCode: codes.returnCode,
    subReturnCode: codes.subReturnCode,
    message: codes.gatewayMessage,
  };
}
