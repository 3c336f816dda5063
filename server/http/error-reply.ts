// What an error thrown while answering a request becomes on the wire: its HTTP status and a small JSON
// body with a code and a message, never a stack trace. Shared by Express's error handler and the
// callback listener, which runs outside Express.

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
}

export interface ErrorReply {
  status: number;
  body: { error: { code: string; message: string } };
}

export function errorReply(error: unknown): ErrorReply {
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
  const status = e.status ?? e.statusCode ?? 500;
  const code =
    e.type === 'entity.too.large'
      ? 'payload_too_large'
      : e.type === 'entity.parse.failed'
        ? 'malformed_json'
        : status >= 500
          ? 'internal_error'
          : 'bad_request';
  const message =
    code === 'payload_too_large'
      ? 'Request body is too large'
      : code === 'malformed_json'
        ? 'Request body is not valid JSON'
        : status >= 500
          ? 'Something went wrong on our side'
          : 'Bad request';
  return { status, body: { error: { code, message } } };
}
