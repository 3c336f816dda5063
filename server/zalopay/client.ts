// The ZaloPay API client: one method per endpoint, app-shaped requests in, typed outcomes out.
// Business answers come back as outcomes; "we don't know what happened" throws a ZaloPayError.
import { resolveZaloPayConfig, type ResolvedZaloPayConfig, type ZaloPayConfig } from './config';
import {
  BANK_LIST_ENDPOINT,
  buildBankListWireRequest,
  translateBankListResponse,
  type BankListOutcome,
} from './bank-list';
import {
  CREATE_ORDER_ENDPOINT,
  buildCreateOrderWireRequest,
  translateCreateOrderResponse,
  type CreateOrderOutcome,
  type CreateOrderRequest,
} from './create-order';
import {
  CANCEL_ORDER_ENDPOINT,
  buildCancelOrderWireRequest,
  cancelOutcomeOfError,
  translateCancelOrderResponse,
  type CancelOrderOutcome,
} from './cancel-order';
import { ZaloPayError, type ZaloPayEndpoint } from './errors';
import { postOnce, type HttpRequest } from './http-transport';
import {
  QUERY_ORDER_ENDPOINT,
  buildQueryOrderWireRequest,
  translateQueryOrderResponse,
  type QueryOrderOutcome,
} from './query-order';
import {
  QUERY_REFUND_ENDPOINT,
  buildQueryRefundWireRequest,
  translateQueryRefundResponse,
  type QueryRefundOutcome,
} from './query-refund';
import {
  REFUND_ENDPOINT,
  buildRefundWireRequest,
  translateRefundResponse,
  type RefundOutcome,
  type RefundRequest,
} from './refund';
import { withRetries } from './retry-policy';

export interface ZaloPayClient {
  /**
   * A retryable failure is retried with the same body (same app_trans_id and MAC). If an earlier
   * attempt did reach ZaloPay, the retry is answered -68 and this returns { kind: 'duplicate' }:
   * the order exists, query it.
   */
  createOrder(request: CreateOrderRequest): Promise<CreateOrderOutcome>;
  /** Safe to repeat; retried on timeouts, network errors, 5xx, -429, -500 and -999. */
  queryOrder(appTransId: string): Promise<QueryOrderOutcome>;
  /** Retried with the same m_refund_id and timestamp; a repeat is answered -23 ({ kind: 'duplicate' }). */
  refund(request: RefundRequest): Promise<RefundOutcome>;
  queryRefund(mRefundId: string): Promise<QueryRefundOutcome>;
  listBanks(): Promise<BankListOutcome>;
  /**
   * Safe to repeat (a cancelled order is cancelled again); retried like a query. Never throws a
   * ZaloPayError: no usable answer is the outcome { kind: 'unknown' }.
   */
  cancelOrder(appTransId: string): Promise<CancelOrderOutcome>;
}

export function createZaloPayClient(config: ZaloPayConfig): ZaloPayClient {
  const resolved = resolveZaloPayConfig(config);
  const { appId, key1 } = resolved;

  return {
    createOrder(request) {
      const body = buildCreateOrderWireRequest(appId, key1, request);
      return send(resolved, jsonRequest(resolved, CREATE_ORDER_ENDPOINT, body, false), (json) =>
        translateCreateOrderResponse(json),
      );
    },

    queryOrder(appTransId) {
      const body = buildQueryOrderWireRequest(appId, key1, appTransId);
      return send(resolved, jsonRequest(resolved, QUERY_ORDER_ENDPOINT, body, true), (json) =>
        translateQueryOrderResponse(json, resolved.now()),
      );
    },

    refund(request) {
      const timestamp = request.timestamp ?? resolved.now();
      const body = buildRefundWireRequest(appId, key1, request, timestamp);
      return send(resolved, jsonRequest(resolved, REFUND_ENDPOINT, body, true), (json) =>
        translateRefundResponse(json),
      );
    },

    queryRefund(mRefundId) {
      const body = buildQueryRefundWireRequest(appId, key1, mRefundId, resolved.now());
      return send(resolved, jsonRequest(resolved, QUERY_REFUND_ENDPOINT, body, true), (json) =>
        translateQueryRefundResponse(json),
      );
    },

    async cancelOrder(appTransId) {
      const body = buildCancelOrderWireRequest(appId, key1, appTransId);
      try {
        return await send(
          resolved,
          jsonRequest(resolved, CANCEL_ORDER_ENDPOINT, body, true),
          (json) => translateCancelOrderResponse(json, resolved.cancelCodes),
        );
      } catch (error) {
        if (error instanceof ZaloPayError) return cancelOutcomeOfError(error);
        throw error;
      }
    },

    listBanks() {
      const fields = buildBankListWireRequest(appId, key1, resolved.now());
      const request: HttpRequest = {
        url: `${resolved.gatewayBaseUrl}${BANK_LIST_ENDPOINT}`,
        endpoint: BANK_LIST_ENDPOINT,
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({ ...fields }).toString(),
        unreadableIsRetryable: true,
      };
      return send(resolved, request, (json) => translateBankListResponse(json));
    },
  };
}

/** The v2 API takes JSON with numbers as numbers and item/embed_data as strings, exactly as signed. */
function jsonRequest(
  config: ResolvedZaloPayConfig,
  endpoint: ZaloPayEndpoint,
  body: object,
  unreadableIsRetryable: boolean,
): HttpRequest {
  return {
    url: `${config.apiBaseUrl}${endpoint}`,
    endpoint,
    contentType: 'application/json',
    body: JSON.stringify(body),
    unreadableIsRetryable,
  };
}

/** One attempt = send + translate, so "try later" answers (-429, -500) are retried like timeouts. */
function send<Outcome>(
  config: ResolvedZaloPayConfig,
  request: HttpRequest,
  translate: (json: unknown) => Outcome,
): Promise<Outcome> {
  const policy = { maxRetries: config.maxRetries, baseDelayMs: config.retryBaseDelayMs };
  return withRetries(policy, async () => translate(await postOnce(config, request)));
}
