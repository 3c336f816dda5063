// POST /v2/refund (docs/zalopay-protocol.md §7.1): asynchronous, so the usual answer is "processing" and the
// final result comes from query_refund. m_refund_id is the idempotency key but is NOT in the MAC.
import type { ZaloPayEndpoint } from './errors';
import { int64IdSchema } from './int64-id';
import { hmacHex, refundMacInput } from './mac';
import { RETURN_CODE, SUB_RETURN_CODE } from './return-codes';
import {
  gatewayCodesOf,
  parseWireResponse,
  responseEnvelopeSchema,
  throwIfRetryLater,
} from './response-envelope';

export const REFUND_ENDPOINT = '/v2/refund' satisfies ZaloPayEndpoint;

export interface RefundRequest {
  /** `yymmdd_appid_<id>`, date in Vietnam, at most 45 characters (see newMRefundId). */
  mRefundId: string;
  /** From the callback or the paid query answer. */
  zpTransId: string;
  /** Integer VND; all or part of the paid amount. */
  amount: number;
  description: string;
  /** Fee kept from what the buyer gets back; changes the MAC formula. */
  refundFeeAmount?: number;
  /** Epoch ms; defaults to config.now(). ZaloPay rejects timestamps older than about 15 minutes. */
  timestamp?: number;
}

export type RefundOutcome =
  | { kind: 'refunded'; refundId: string | null }
  /** return_code 3: accepted and in progress; poll queryRefund(mRefundId). */
  | { kind: 'processing'; refundId: string | null }
  /** sub -23: this m_refund_id was already submitted (often by our own earlier attempt): query it. */
  | { kind: 'duplicate' }
  | { kind: 'rejected'; returnCode: number; subReturnCode: number; message: string };

export interface RefundWireRequest {
  app_id: number;
  m_refund_id: string;
  zp_trans_id: string;
  amount: number;
  refund_fee_amount?: number;
  timestamp: number;
  description: string;
  mac: string;
}

export function buildRefundWireRequest(
  appId: number,
  key1: string,
  request: RefundRequest,
  timestamp: number,
): RefundWireRequest {
  const signed = {
    app_id: appId,
    zp_trans_id: request.zpTransId,
    amount: request.amount,
    refund_fee_amount: request.refundFeeAmount,
    description: request.description,
    timestamp,
  };
  return { ...signed, m_refund_id: request.mRefundId, mac: hmacHex(key1, refundMacInput(signed)) };
}

export const refundWireSchema = responseEnvelopeSchema.extend({
  refund_id: int64IdSchema.optional(),
});

export function translateRefundResponse(json: unknown): RefundOutcome {
  const answer = parseWireResponse(refundWireSchema, json, REFUND_ENDPOINT, true);
  const codes = gatewayCodesOf(answer);
  throwIfRetryLater(codes, REFUND_ENDPOINT);
  const refundId = answer.refund_id && answer.refund_id !== '0' ? answer.refund_id : null;
  if (codes.returnCode === RETURN_CODE.SUCCESS) return { kind: 'refunded', refundId };
  if (codes.returnCode === RETURN_CODE.PROCESSING) return { kind: 'processing', refundId };
  if (codes.subReturnCode === SUB_RETURN_CODE.DUPLICATE_M_REFUND_ID) return { kind: 'duplicate' };
  return {
    kind: 'rejected',
    returnCode: codes.returnCode,
    subReturnCode: codes.subReturnCode,
    message: codes.gatewayMessage,
  };
}
