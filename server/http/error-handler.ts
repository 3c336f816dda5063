// The last Express middleware: every error becomes a small JSON body with the right status and no stack trace.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const e = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
    const status = e.status ?? e.statusCode ?? 500;
    if (status >= 500) log.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) return;
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
    res.status(status).json({ error: { code, message } });
  };
}
