// The ZaloPay adapter's public surface: import from 'server/zalopay', not from its files.
// It knows nothing of the app (no database, no HTTP framework, no environment).
export type { ZaloPayConfig } from './config';
export { createZaloPayClient, type ZaloPayClient } from './client';
export {
  buildCreateOrderWireRequest,
  createOrderSuccessWireSchema,
  type CreateOrderOutcome,
  type CreateOrderRequest,
  type CreateOrderWireRequest,
} from './create-order';
export {
  buildQueryOrderWireRequest,
  queryOrderWireSchema,
  type QueryOrderOutcome,
  type QueryOrderWireRequest,
} from './query-order';
export {
  buildCancelOrderWireRequest,
  DEFAULT_CANCEL_CODES,
  subCodeListSchema,
  type CancelCodes,
  type CancelOrderOutcome,
  type CancelOrderWireRequest,
} from './cancel-order';
export {
  buildRefundWireRequest,
  refundWireSchema,
  type RefundOutcome,
  type RefundRequest,
  type RefundWireRequest,
} from './refund';
export {
  buildQueryRefundWireRequest,
  queryRefundWireSchema,
  type QueryRefundOutcome,
  type QueryRefundWireRequest,
} from './query-refund';
export {
  buildBankListWireRequest,
  bankListWireSchema,
  type Bank,
  type BankListOutcome,
  type BankListWireRequest,
} from './bank-list';
export { responseEnvelopeSchema } from './response-envelope';
export { RETURN_CODE, SUB_RETURN_CODE } from './return-codes';
export {
  ZaloPayError,
  ZaloPayGatewayError,
  ZaloPayHttpError,
  ZaloPayNetworkError,
  ZaloPayRateLimitedError,
  ZaloPayRefusedError,
  ZaloPayResponseError,
  ZaloPayTimeoutError,
  ZaloPayUnavailableError,
  generateZaloPayError,
  type RawZaloPayError,
  type ZaloPayEndpoint,
} from './errors';
export {
  CALLBACK_ACK,
  CALLBACK_MAC_REJECTED,
  CALLBACK_RETRY_LATER,
  CALLBACK_TYPE,
  CallbackVerificationError,
  callbackDataWireSchema,
  verifyCallback,
  type CallbackData,
  type CallbackRejectionReason,
  type CallbackVerification,
} from './callback';
export {
  REDIRECT_STATUS,
  verifyRedirect,
  type RedirectParams,
  type RedirectVerification,
} from './redirect';
export {
  APP_TRANS_ID_MAX_CHARS,
  APP_TRANS_ID_PATTERN,
  appTransIdFor,
  newAppTransId,
  newMRefundId,
} from './app-trans-id';
export { buildOrderUrl, decodeOrderUrl, type OrderUrlParts } from './order-url';
export { signCallbackBody, signRedirectQuery } from './test-signing';
export * from './mac';
export { vietnamYymmdd } from './vietnam-date';
export { PUBLIC_SANDBOX_APPS } from './sandbox-apps';
export type { SandboxApp } from './sandbox-apps';
