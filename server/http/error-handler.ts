// The last Express middleware: every error becomes a small JSON body with the right status and no stack trace.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import { errorReply } from './error-reply';

export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { status, body } = errorReply(error);
    if (status >= 500) log.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}
