// Reads the tRPC errors the server sends (typed from AppRouter's error shape, zod issues included)
// into what the UI needs: is this a "no such order", a bad request, or worth retrying?
import type { TRPCClientErrorLike } from '@trpc/client';
import type { AppRouter } from '../server/trpc/router';

export type ApiError = TRPCClientErrorLike<AppRouter>;

export function isNotFound(error: ApiError): boolean {
  return error.data?.code === 'NOT_FOUND';
}

/** 4xx answers will not change on retry; network failures and 5xx might. */
export function isRetryable(error: Pick<ApiError, 'data'>): boolean {
  const httpStatus = error.data?.httpStatus;
  return httpStatus === undefined || httpStatus >= 500;
}

/**
 * The server could not reach its database for a moment (a restart, a failover): 503 with
 * `retryAfterSeconds`. Safe to send again, a payment create too (the order's live attempt is returned).
 */
export function isDatabaseOutage(error: Pick<ApiError, 'data'>): boolean {
  return error.data?.code === 'SERVICE_UNAVAILABLE' && error.data.retryAfterSeconds !== undefined;
}

/** For BAD_REQUEST: the server's first message about a field (or the form), else its plain message. */
export function badRequestDetail(error: ApiError): string | null {
  if (error.data?.code !== 'BAD_REQUEST') return null;
  const zodError = error.data.zodError;
  const fieldMessages = Object.values(zodError?.fieldErrors ?? {})
    .flat()
    .filter((message) => typeof message === 'string');
  return fieldMessages[0] ?? zodError?.formErrors[0] ?? error.message;
}
