// Errors for "we do not know what happened" (timeouts, outages, unreadable answers): business answers
// such as "rejected" or "expired" are outcomes, not errors. Built by one factory, as in stripe-node's Error.ts.

/** The path of the ZaloPay API a call went to, e.g. '/v2/query'. */
export type ZaloPayEndpoint =
  | '/v2/create'
  | '/v2/query'
  | '/v2/cancel'
  | '/v2/refund'
  | '/v2/query_refund'
  | '/api/getlistmerchantbanks';

/** What the factory needs to build each error: one variant per subclass. */
export type RawZaloPayError =
  | { type: 'timeout'; endpoint: ZaloPayEndpoint; timeoutMs: number; cause?: unknown }
  | { type: 'network'; endpoint: ZaloPayEndpoint; cause: unknown }
  | { type: 'http'; endpoint: ZaloPayEndpoint; status: number }
  | ({ type: 'rate_limited'; endpoint: ZaloPayEndpoint } & GatewayCodes)
  | ({ type: 'unavailable'; endpoint: ZaloPayEndpoint } & GatewayCodes)
  | ({ type: 'refused'; endpoint: ZaloPayEndpoint } & GatewayCodes)
  | { type: 'response'; endpoint: ZaloPayEndpoint; problem: string; retryable: boolean };

/** The codes and message ZaloPay put in its answer envelope. */
export interface GatewayCodes {
  returnCode: number;
  subReturnCode: number;
  gatewayMessage: string;
}

interface ZaloPayErrorInit {
  endpoint: ZaloPayEndpoint;
  retryable: boolean;
  cause?: unknown;
}

export class ZaloPayError extends Error {
  /** True when repeating the same request is safe and may succeed. */
  readonly retryable: boolean;
  readonly endpoint: string;

  constructor(message: string, init: ZaloPayErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.retryable = init.retryable;
    this.endpoint = init.endpoint;
  }
}

/** No answer within timeoutMs: the request may or may not have been processed. */
export class ZaloPayTimeoutError extends ZaloPayError {
  readonly timeoutMs: number;

  constructor(raw: Extract<RawZaloPayError, { type: 'timeout' }>) {
    super(`ZaloPay ${raw.endpoint} did not answer within ${raw.timeoutMs} ms`, {
      endpoint: raw.endpoint,
      retryable: true,
      cause: raw.cause,
    });
    this.timeoutMs = raw.timeoutMs;
  }
}

/** DNS, connection refused or reset: nothing usable came back. */
export class ZaloPayNetworkError extends ZaloPayError {
  constructor(raw: Extract<RawZaloPayError, { type: 'network' }>) {
    super(`Could not reach ZaloPay ${raw.endpoint}`, {
      endpoint: raw.endpoint,
      retryable: true,
      cause: raw.cause,
    });
  }
}

/** A non-2xx HTTP status (ZaloPay answers business errors with 200, so this is infrastructure). */
export class ZaloPayHttpError extends ZaloPayError {
  readonly status: number;

  constructor(raw: Extract<RawZaloPayError, { type: 'http' }>) {
    super(`ZaloPay ${raw.endpoint} answered HTTP ${raw.status}`, {
      endpoint: raw.endpoint,
      retryable: raw.status >= 500 || raw.status === 408 || raw.status === 429,
    });
    this.status = raw.status;
  }
}

/** Base of the errors that carry ZaloPay's own return codes. */
export class ZaloPayGatewayError extends ZaloPayError {
  readonly returnCode: number;
  readonly subReturnCode: number;
  readonly gatewayMessage: string;

  constructor(message: string, codes: GatewayCodes, init: ZaloPayErrorInit) {
    super(message, init);
    this.returnCode = codes.returnCode;
    this.subReturnCode = codes.subReturnCode;
    this.gatewayMessage = codes.gatewayMessage;
  }
}

/** -429 LIMIT_REQUEST_REACH: slow down and try again later. */
export class ZaloPayRateLimitedError extends ZaloPayGatewayError {
  constructor(raw: Extract<RawZaloPayError, { type: 'rate_limited' }>) {
    super(`ZaloPay ${raw.endpoint} rate-limited the request (-429)`, raw, {
      endpoint: raw.endpoint,
      retryable: true,
    });
  }
}

/** -500 SYSTEM_ERROR, -999 SYSTEM_MAINTENANCE or an app-maintenance code: try again later. */
export class ZaloPayUnavailableError extends ZaloPayGatewayError {
  constructor(raw: Extract<RawZaloPayError, { type: 'unavailable' }>) {
    super(`ZaloPay ${raw.endpoint} is unavailable (${describeCodes(raw)})`, raw, {
      endpoint: raw.endpoint,
      retryable: true,
    });
  }
}

/**
 * ZaloPay refused the request itself (-401 bad data, -402 bad app id or MAC, or a return code this
 * adapter does not know) where the API has no "rejected" outcome, e.g. a query: the answer says
 * nothing about the order, so the order's state stays unknown. Usually a configuration problem.
 */
export class ZaloPayRefusedError extends ZaloPayGatewayError {
  constructor(raw: Extract<RawZaloPayError, { type: 'refused' }>) {
    super(`ZaloPay ${raw.endpoint} refused the request (${describeCodes(raw)})`, raw, {
      endpoint: raw.endpoint,
      retryable: false,
    });
  }
}

/** The body was not JSON or not the shape ZaloPay documents. */
export class ZaloPayResponseError extends ZaloPayError {
  constructor(raw: Extract<RawZaloPayError, { type: 'response' }>) {
    super(`Unreadable answer from ZaloPay ${raw.endpoint}: ${raw.problem}`, {
      endpoint: raw.endpoint,
      retryable: raw.retryable,
    });
  }
}

function describeCodes(codes: GatewayCodes): string {
  return `return_code ${codes.returnCode}, sub_return_code ${codes.subReturnCode}`;
}

/** The one place that turns a raw failure into the matching error class. */
export function generateZaloPayError(raw: RawZaloPayError): ZaloPayError {
  switch (raw.type) {
    case 'timeout':
      return new ZaloPayTimeoutError(raw);
    case 'network':
      return new ZaloPayNetworkError(raw);
    case 'http':
      return new ZaloPayHttpError(raw);
    case 'rate_limited':
      return new ZaloPayRateLimitedError(raw);
    case 'unavailable':
      return new ZaloPayUnavailableError(raw);
    case 'refused':
      return new ZaloPayRefusedError(raw);
    case 'response':
      return new ZaloPayResponseError(raw);
  }
}
