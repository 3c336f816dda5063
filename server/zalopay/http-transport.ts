// One HTTP attempt against ZaloPay: POST, a per-attempt timeout, and every transport failure turned
// into a typed ZaloPayError. Retrying is the caller's decision (see retry-policy.ts).
import type { ResolvedZaloPayConfig } from './config';
import { generateZaloPayError, type ZaloPayEndpoint } from './errors';

export interface HttpRequest {
  url: string;
  endpoint: ZaloPayEndpoint;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** The exact bytes to send: built once, so a retry sends the same body. */
  body: string;
  /** Whether an unreadable answer may be retried (false for create). */
  unreadableIsRetryable: boolean;
}

/** Sends one request and returns the parsed JSON body of a 2xx answer. */
export async function postOnce(
  config: ResolvedZaloPayConfig,
  request: HttpRequest,
): Promise<unknown> {
  const { endpoint } = request;
  let status: number;
  let text: string;
  try {
    const response = await config.fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': request.contentType, accept: 'application/json' },
      body: request.body,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (cause) {
    if (isTimeout(cause)) {
      throw generateZaloPayError({ type: 'timeout', endpoint, timeoutMs: config.timeoutMs, cause });
    }
    throw generateZaloPayError({ type: 'network', endpoint, cause });
  }
  if (status < 200 || status > 299) throw generateZaloPayError({ type: 'http', endpoint, status });
  try {
    return JSON.parse(text);
  } catch {
    throw generateZaloPayError({
      type: 'response',
      endpoint,
      problem: `body is not JSON (${text.length} characters)`,
      retryable: request.unreadableIsRetryable,
    });
  }
}

/** AbortSignal.timeout aborts fetch with a DOMException named TimeoutError. */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}
