// POST /v2/query (docs/zalopay-protocol.md §4): signed with key1 over app_id|app_trans_id|key1, answered with
// 1 paid, 3 pending, or 2 plus a sub code (expired, unknown order, or another final failure).
import { z } from 'zod';
import { generateZaloPayError, type ZaloPayEndpoint } from './errors';
import { int64IdSchema } from './int64-id';
import { hmacHex, queryOrderMacInput } from './mac';
import { RETURN_CODE, SUB_RETURN_CODE } from './return-codes';
import {
  gatewayCodesOf,
  isRefusedRequest,
  parseWireResponse,
  responseEnvelopeSchema,
  throwIfRetryLater,
} from './response-envelope';

export const QUERY_ORDER_ENDPOINT = '/v2/query' satisfies ZaloPayEndpoint;

export type QueryOrderOutcome =
  | { kind: 'paid'; zpTransId: string; amount: number; discountAmount: number; serverTime: number }
  /**
   * return_code 3: not paid yet; isProcessing while a payment attempt is in flight. Also sub -63
   * (balance too low): the shopper can still top up and pay before the order expires.
   */
  | { kind: 'pending'; isProcessing: boolean }
  /** return_code 2, sub -54: expired unpaid. */
  | { kind: 'expired' }
  /** sub -101: ZaloPay has no order with this app_trans_id. */
  | { kind: 'not_found' }
  /**
   * Any other return_code 2 (final). A return code this adapter does not know also lands here, with
   * unexpectedReturnCode set so the caller can log it loudly.
   */
  | { kind: 'failed'; subReturnCode: number; message: string; unexpectedReturnCode?: number };

export interface QueryOrderWireRequest {
  app_id: number;
  app_trans_id: string;
  mac: string;
}

export function buildQueryOrderWireRequest(
  appId: number,
  key1: string,
  appTransId: string,
): QueryOrderWireRequest {
  return {
    app_id: appId,
    app_trans_id: appTransId,
    mac: hmacHex(key1, queryOrderMacInput(appId, appTransId, key1)),
  };
}

/** §4.2. amount and zp_trans_id are only meaningful once paid, so they are checked only then. */
export const queryOrderWireSchema = responseEnvelopeSchema.extend({
  is_processing: z.boolean().optional(),
  amount: z.int().optional(),
  discount_amount: z.int().optional(),
  zp_trans_id: int64IdSchema.optional(),
  server_time: z.int().optional(),
});

export const queryOrderPaidWireSchema = queryOrderWireSchema.extend({
  amount: z.int().nonnegative(),
  zp_trans_id: int64IdSchema.refine((id) => id !== '0', 'a paid order has a zp_trans_id'),
});

/**
 * Translates a query answer. "Try later" codes throw (retryable); so does a refused request
 * (-401/-402: our MAC or app id is wrong), because that says nothing about the order.
 * receivedAt stands in for server_time if a paid answer omits it.
 */
export function translateQueryOrderResponse(json: unknown, receivedAt: number): QueryOrderOutcome {
  const answer = parseWireResponse(queryOrderWireSchema, json, QUERY_ORDER_ENDPOINT, true);
  const codes = gatewayCodesOf(answer);
  throwIfRetryLater(codes, QUERY_ORDER_ENDPOINT);
  if (isRefusedRequest(codes)) {
    throw generateZaloPayError({ type: 'refused', endpoint: QUERY_ORDER_ENDPOINT, ...codes });
  }
  switch (codes.returnCode) {
    case RETURN_CODE.SUCCESS: {
      const paid = parseWireResponse(queryOrderPaidWireSchema, json, QUERY_ORDER_ENDPOINT, true);
      return {
        kind: 'paid',
        zpTransId: paid.zp_trans_id,
        amount: paid.amount,
        discountAmount: paid.discount_amount ?? 0,
        serverTime: paid.server_time ?? receivedAt,
      };
    }
    case RETURN_CODE.PROCESSING:
      return { kind: 'pending', isProcessing: answer.is_processing ?? false };
    case RETURN_CODE.FAIL:
      if (codes.subReturnCode === SUB_RETURN_CODE.TIME_INVALID) return { kind: 'expired' };
      if (codes.subReturnCode === SUB_RETURN_CODE.NOT_FOUND) return { kind: 'not_found' };
      if (codes.subReturnCode === SUB_RETURN_CODE.BALANCE_NOT_ENOUGH) {
        return { kind: 'pending', isProcessing: false };
      }
      return { kind: 'failed', subReturnCode: codes.subReturnCode, message: codes.gatewayMessage };
    default:
      return {
        kind: 'failed',
        subReturnCode: codes.subReturnCode,
        message: codes.gatewayMessage,
        unexpectedReturnCode: codes.returnCode,
      };
  }
}
