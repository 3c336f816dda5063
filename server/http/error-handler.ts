// The last Express middleware: every error becomes a small JSON body with the right status and no stack
// trace; an unexpected one answers a generic message with the request id, its details go to the log. The
// payments domain's errors (a bad field, no such order, ZaloPay not answering) are answers, not failures.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import { isDatabaseInputError } from '../../db/database-input-error';
import { PaymentsError } from '../payments/errors';
import { errorReply, requestIdOfAnswer } from '../api-errors/error-reply';

export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { status, body, retryAfterSeconds } = errorReply(error, requestIdOfAnswer(res));
    // A domain error is logged where it arises, when it is worth a line (ZaloPay's silence is).
    const unexpected = status >= 500 && !(error instanceof PaymentsError);
    if (retryAfterSeconds !== undefined)
      log.warn({ err: error, path: req.path }, 'request answered 503: the database is unreachable');
    else if (unexpected) log.error({ err: error, path: req.path }, 'request failed');
    else if (isDatabaseInputError(error))
      log.warn({ err: error, path: req.path }, 'request refused: the database cannot take a value');
    if (res.headersSent) return;
    if (retryAfterSeconds !== undefined) res.set('Retry-After', String(retryAfterSeconds));
    res.status(status).json(body);
  };
}
