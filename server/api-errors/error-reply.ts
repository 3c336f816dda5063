// What an error thrown while answering a request becomes on the wire: its HTTP status and a small JSON
// body with a code and a message, never a stack trace or a statement. The one mapper of the payments
// domain's errors (server/payments/errors.ts), to REST JSON (Express's error handler) and to a TRPCError
// (server/trpc/init.ts), and of everything else Express or the callback route may throw.
import { StandardSchemaV1Error, TRPCError } from '@trpc/server';
import { DATABASE_INPUT_MESSAGE, isDatabaseInputError } from '../../db/database-input-error';
import { isDatabaseConnectionError } from '../../db/connection-errors';
import { InvalidOrderError, PaymentsError } from '../payments/errors';
import { CatalogueError } from '../catalogue/catalogue-errors';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
}

export interface ErrorReply {
  status: number;
  body: { error: { code: string; message: string; field?: string; request_id?: string } };
  /** Sent as Retry-After: the failure is passing (the database restarting). */
  retryAfterSeconds?: number;
}

/** A lost database connection (a restart, a failover) is over in seconds: "try again", not "broken". */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'The shop cannot reach its database for a moment; please try again in a few seconds';
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** The domain names inputs as its TypeScript does; the REST bodies as the frontend guide does. */
const REST_FIELD_NAMES: Record<string, string> = {
  description: 'order_info',
  orderId: 'order_id',
  idempotencyKey: 'idempotency_key',
};

/** A bad input's message says which field: `amount: must be between 1000 and 50000000 VND`. */
function namingField(error: PaymentsError, field: string | undefined): string {
  if (error.code !== 'invalid_input' || !field || error.message.startsWith(field))
    return error.message;
  return `${field}: ${error.message}`;
}

/**
 * A domain error as the REST API answers it: `{"error": {"code", "message", "field"?}}`. An order's
 * fields (InvalidOrderError) are already named as the REST bodies spell them (`lines[2].unit_price`).
 */
export function paymentsErrorReply(error: PaymentsError): ErrorReply {
  const field =
    error.field &&
    (error instanceof InvalidOrderError
      ? error.field
      : (REST_FIELD_NAMES[error.field] ?? error.field));
  const message = namingField(error, field);
  return {
    status: error.httpStatus,
    body: { error: { code: error.code, message, ...(field ? { field } : {}) } },
  };
}

const TRPC_CODES = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  503: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<PaymentsError['httpStatus'], TRPCError['code']>;

/**
 * A domain error as tRPC answers it. A bad input is shaped like tRPC's own input validation error (the
 * field under `zodError.fieldErrors`, `lines[1].sku` reported under `lines`), so the client names it.
 */
export function paymentsTrpcError(error: PaymentsError): TRPCError {
  const code = TRPC_CODES[error.httpStatus];
  if (error.code !== 'invalid_input' || !error.field) {
    return new TRPCError({ code, message: error.message, cause: error });
  }
  const message = namingField(error, error.field);
  const path = [error.field.split(/[[.]/)[0] ?? error.field];
  return new TRPCError({ code, message, cause: new StandardSchemaV1Error([{ message, path }]) });
}

/** The message of every unexpected failure: generic, with the id that finds its details in the log. */
export function internalErrorMessage(requestId: string | undefined): string {
  return requestId
    ? `Something went wrong on our side (request id ${requestId})`
    : 'Something went wrong on our side';
}

export function errorReply(error: unknown, requestId?: string): ErrorReply {
  if (error instanceof PaymentsError) return paymentsErrorReply(error);
  if (error instanceof CatalogueError) return { status: error.httpStatus, body: error.toJSON() };
  if (isDatabaseInputError(error)) {
    return {
      status: 400,
      body: { error: { code: 'invalid_input', message: DATABASE_INPUT_MESSAGE } },
    };
  }
  if (isDatabaseConnectionError(error)) {
    const body = { code: 'database_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE };
    return {
      status: 503,
      body: { error: requestId ? { ...body, request_id: requestId } : body },
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
  const status = e.status ?? e.statusCode ?? 500;
  if (status >= 500) {
    const body = { code: 'internal_error', message: internalErrorMessage(requestId) };
    return { status, body: { error: requestId ? { ...body, request_id: requestId } : body } };
  }
  const code =
    e.type === 'entity.too.large'
      ? 'payload_too_large'
      : e.type === 'entity.parse.failed'
        ? 'malformed_json'
        : 'bad_request';
  const message =
    code === 'payload_too_large'
      ? 'Request body is too large'
      : code === 'malformed_json'
        ? 'Request body is not valid JSON'
        : 'Bad request';
  return { status, body: { error: { code, message } } };
}

/** The request id the access log gave this answer (server/observability/request-logging.ts), if any. */
export function requestIdOfAnswer(res: { getHeader(name: string): unknown }): string | undefined {
  const id = res.getHeader('x-request-id');
  return typeof id === 'string' ? id : undefined;
}
