// What an error thrown while answering a request becomes on the wire: its HTTP status and a small JSON
// body with a code and a message, never a stack trace or a statement. Shared by Express's error handler,
// the listeners outside Express and the middleware in front of them.
import { DATABASE_INPUT_MESSAGE, isDatabaseInputError } from '../../db/database-input-error';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
}

export interface ErrorReply {
  status: number;
  body: { error: { code: string; message: string; request_id?: string } };
}

/** The message of every unexpected failure: generic, with the id that finds its details in the log. */
export function internalErrorMessage(requestId: string | undefined): string {
  return requestId
    ? `Something went wrong on our side (request id ${requestId})`
    : 'Something went wrong on our side';
}

export function errorReply(error: unknown, requestId?: string): ErrorReply {
  if (isDatabaseInputError(error)) {
    return {
      status: 400,
      body: { error: { code: 'invalid_input', message: DATABASE_INPUT_MESSAGE } },
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

/** The request id the access log gave this answer (server/ops/request-logging.ts), if any. */
export function requestIdOfAnswer(res: { getHeader(name: string): unknown }): string | undefined {
  const id = res.getHeader('x-request-id');
  return typeof id === 'string' ? id : undefined;
}
