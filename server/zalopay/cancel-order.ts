// POST /v2/cancel (docs/zalopay-protocol.md §7.3): makes an unpaid ZaloPay order unpayable. Signed with key1
// over app_id|app_trans_id|key1, as a query is. Only "cancelled" (return_code 1) is documented by public code;
// which sub codes mean "already paid" and "unknown order" is a setting (CancelCodes), and anything else is
// "unknown": the order may still be payable, and the caller keeps watching it.
import { z } from 'zod';
import type { ZaloPayError, ZaloPayEndpoint } from './errors';
import { hmacHex, queryOrderMacInput } from './mac';
import { RETURN_CODE } from './return-codes';
import {
  gatewayCodesOf,
  isRefusedRequest,
  parseWireResponse,
  responseEnvelopeSchema,
  throwIfRetryLater,
} from './response-envelope';

export const CANCEL_ORDER_ENDPOINT = '/v2/cancel' satisfies ZaloPayEndpoint;

/** How the adapter reads return_code 2 answers to a cancel: the codes are not documented (UNCONFIRMED). */
export interface CancelCodes {
  /** sub_return_codes meaning "the order is paid (or a payment is in flight), so it cannot be cancelled". */
  alreadyPaid: readonly number[];
  /** sub_return_codes meaning "ZaloPay has no order with this app_trans_id". */
  unknownOrder: readonly number[];
}

/** The emulator's answers (2/-10 paid, 2/-101 unknown: -101 is query's documented ORDER_NOT_EXIST). */
export const DEFAULT_CANCEL_CODES: CancelCodes = { alreadyPaid: [-10], unknownOrder: [-101] };

export type CancelOrderOutcome =
  /** return_code 1: the order can no longer be paid. */
  | { kind: 'cancelled' }
  /** The order is paid (or paying): query it for zp_trans_id and record the payment. */
  | { kind: 'already_paid'; subReturnCode: number; message: string }
  /** ZaloPay has no such order: its create never arrived (or has not arrived yet). */
  | { kind: 'unknown_order'; subReturnCode: number; message: string }
  /**
   * Nothing is known: a timeout, a 5xx, -429/-500/-999, a refused request (-401/-402) or a code this
   * adapter cannot read. The order may still be payable.
   */
  | {
      kind: 'unknown';
      reason: string;
      returnCode?: number | undefined;
      subReturnCode?: number | undefined;
    };

export interface CancelOrderWireRequest {
  app_id: number;
  app_trans_id: string;
  mac: string;
}

export function buildCancelOrderWireRequest(
  appId: number,
  key1: string,
  appTransId: string,
): CancelOrderWireRequest {
  return {
    app_id: appId,
    app_trans_id: appTransId,
    mac: hmacHex(key1, queryOrderMacInput(appId, appTransId, key1)),
  };
}

/** "Try later" codes throw (the client retries them, then cancelOutcomeOfError turns them into unknown). */
export function translateCancelOrderResponse(
  json: unknown,
  codes: CancelCodes,
): CancelOrderOutcome {
  const answer = parseWireResponse(responseEnvelopeSchema, json, CANCEL_ORDER_ENDPOINT, true);
  const gateway = gatewayCodesOf(answer);
  throwIfRetryLater(gateway, CANCEL_ORDER_ENDPOINT);
  const { returnCode, subReturnCode, gatewayMessage: message } = gateway;
  if (isRefusedRequest(gateway)) {
    return { kind: 'unknown', reason: 'request refused', returnCode, subReturnCode };
  }
  if (returnCode === RETURN_CODE.SUCCESS) return { kind: 'cancelled' };
  if (returnCode === RETURN_CODE.FAIL) {
    if (codes.alreadyPaid.includes(subReturnCode)) {
      return { kind: 'already_paid', subReturnCode, message };
    }
    if (codes.unknownOrder.includes(subReturnCode)) {
      return { kind: 'unknown_order', subReturnCode, message };
    }
  }
  return { kind: 'unknown', reason: 'unrecognised answer', returnCode, subReturnCode };
}

/** A cancel that got no readable answer: never "cancelled", never "failed". */
export function cancelOutcomeOfError(error: ZaloPayError): CancelOrderOutcome {
  return { kind: 'unknown', reason: `${error.name}: ${error.message}` };
}

/** A setting's comma-separated list of sub codes, e.g. "-10" or "-10,-60". */
export const subCodeListSchema = z
  .string()
  .trim()
  .regex(/^-?\d+(\s*,\s*-?\d+)*$/, 'a comma-separated list of integer codes, e.g. -10,-60')
  .transform((list) => list.split(',').map(Number));
