// POST /api/zalopay/callback: ZaloPay's signed server-to-server notification, an Express route whose
// body is read raw (express.raw, on this route only), byte for byte, because the MAC covers the exact
// `data` string. ZaloPay has no browser: no security headers and no access line (server/app.ts mounts it
// first); the callback logs its own outcomes and is counted in /metrics.
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { Logger } from '../logger';
import type { PaymentsService } from '../payments/payments-service';
import { CALLBACK_RETRY_LATER } from '../zalopay';
import { errorReply } from '../api-errors/error-reply';

/** ZaloPay's documented limit for `data` is 4,096 characters; 16 KiB leaves room for escaping and the envelope. */
export const CALLBACK_BODY_LIMIT = '16kb';

/**
 * ZaloPay sends plain JSON. express.raw would inflate a gzip body, which could then only fail the MAC
 * check: refuse it with 415 and say what is wrong instead.
 */
const plainBodiesOnly: RequestHandler = (req, res, next) => {
  const encoding = req.headers['content-encoding'] ?? 'identity';
  if (encoding.toLowerCase() === 'identity') return next();
  req.resume();
  res.status(415).json({
    error: {
      code: 'unsupported_encoding',
      message: `Content-Encoding ${encoding} is not accepted`,
    },
  });
};

/** Any content type is read as bytes: ZaloPay's own samples post JSON with and without a header. */
const rawBody = express.raw({ type: () => true, limit: CALLBACK_BODY_LIMIT });

/** The route's handlers, in order: `app.post(CALLBACK_PATH, ...callbackRoute(payments, log))`. */
export function callbackRoute(
  payments: Pick<PaymentsService, 'handleCallback'>,
  log: Logger,
): Array<RequestHandler | ErrorRequestHandler> {
  async function answer(req: Request, res: Response) {
    // No body at all leaves req.body unset: the handler sees zero bytes (and answers a bad MAC).
    const raw: unknown = req.body;
    const { httpStatus, body } = await payments.handleCallback(
      Buffer.isBuffer(raw) ? raw : Buffer.alloc(0),
    );
    res.status(httpStatus).json(body);
  }

  // handleCallback never throws, so this is a body that could not be read (too large: 413, cut short:
  // 400). express.raw reads the rest and drops it, so the connection stays usable. Anything worse is
  // answered in ZaloPay's words: "try again later".
  const unreadableBody: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const { status, body } = errorReply(error);
    if (status >= 500) log.error({ err: error }, 'could not read a ZaloPay callback');
    if (res.headersSent) return;
    res.status(status).json(status >= 500 ? CALLBACK_RETRY_LATER : body);
  };

  return [plainBodiesOnly, rawBody, answer, unreadableBody];
}
