// POST /v2/query_refund (docs/zalopay-protocol.md §7.2): the status of a refund by our m_refund_id, signed with
// key1 over app_id|m_refund_id|timestamp.
import { generateZaloPayError, type ZaloPayEndpoint } from './errors';
import { hmacHex, queryRefundMacInput } from './mac';
import { RETURN_CODE, SUB_RETURN_CODE } from './return-codes';
import {
  gatewayCodesOf,
  isRefusedRequest,
  parseWireResponse,
  responseEnvelopeSchema,
  throwIfRetryLater,
} from './response-envelope';

export const QUERY_REFUND_ENDPOINT = '/v2/query_refund' satisfies ZaloPayEndpoint;

export type QueryRefundOutcome =
  | { kind: 'refunded' }
  /** return_code 3: sub 2 keep polling; sub -1 stuck, needs ZaloPay operations (needsManualHandling). */
  | { kind: 'processing'; needsManualHandling: boolean }
  /** sub -101: ZaloPay has no refund with this m_refund_id. */
  | { kind: 'not_found' }
  /** Any other return_code 2 (final); unexpectedReturnCode is set for a code this adapter does not know. */
  | { kind: 'failed'; subReturnCode: number; message: string; unexpectedReturnCode?: number };

export interface QueryRefundWireRequest {
  app_id: number;
  m_refund_id: string;
  timestamp: number;
  mac: string;
}

export function buildQueryRefundWireRequest(
  appId: number,
  key1: string,
  mRefundId: string,
  timestamp: number,
): QueryRefundWireRequest {
  return {
    app_id: appId,
    m_refund_id: mRefundId,
    timestamp,
    mac: hmacHex(key1, queryRefundMacInput(appId, mRefundId, timestamp)),
  };
}

export const queryRefundWireSchema = responseEnvelopeSchema;

export function translateQueryRefundResponse(json: unknown): QueryRefundOutcome {
  const answer = parseWireResponse(queryRefundWireSchema, json, QUERY_REFUND_ENDPOINT, true);
  const codes = gatewayCodesOf(answer);
  throwIfRetryLater(codes, QUERY_REFUND_ENDPOINT);
  if (isRefusedRequest(codes)) {
    throw generateZaloPayError({ type: 'refused', endpoint: QUERY_REFUND_ENDPOINT, ...codes });
  }
  switch (codes.returnCode) {
    case RETURN_CODE.SUCCESS:
      return { kind: 'refunded' };
    case RETURN_CODE.PROCESSING:
      return {
        kind: 'processing',
        needsManualHandling: codes.subReturnCode === SUB_RETURN_CODE.REFUND_PENDING_MANUAL,
      };
    case RETURN_CODE.FAIL:
      if (codes.subReturnCode === SUB_RETURN_CODE.NOT_FOUND) return { kind: 'not_found' };
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
