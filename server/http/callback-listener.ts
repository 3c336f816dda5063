// POST /api/zalopay/callback: ZaloPay's signed server-to-server notification, answered by Node's own
// http handler ahead of Express. It is the checkout's busiest route and needs nothing Express adds (no
// browser, no cookies, no routing): Express cost it about 150 µs of CPU per callback (docs/benchmarks.md).
// The body is kept raw, byte for byte, because the MAC covers the exact `data` string.
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import type { Logger } from '../logger';
import type { PaymentsService } from '../payments/payments-service';
import { CALLBACK_RETRY_LATER } from '../zalopay';
import { errorReply } from './error-reply';
import { sendJson } from './node-middleware';

export const CALLBACK_PATH = '/api/zalopay/callback';

/** ZaloPay's documented limit for `data` is 4,096 characters; 16 KiB leaves room for escaping and the envelope. */
export const CALLBACK_BODY_LIMIT = '16kb';

/** A POST to the callback path, with or without a query string. Anything else is left to Express. */
export function isCallbackRequest(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || !req.url?.startsWith(CALLBACK_PATH)) return false;
  const rest = req.url.slice(CALLBACK_PATH.length);
  return rest === '' || rest.startsWith('?');
}

export function callbackListener(
  payments: Pick<PaymentsService, 'handleCallback'>,
  log: Logger,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void answer(req, res).catch((error: unknown) => {
      // handleCallback never throws, so this is a body that could not be read (too large, cut short).
      // The rest of it is read and dropped, as Express's body parser does, so the connection stays usable.
      req.resume();
      const { status, body } = errorReply(error);
      if (status >= 500) log.error({ err: error }, 'could not read a ZaloPay callback');
      sendJson(res, status, status >= 500 ? CALLBACK_RETRY_LATER : body);
    });
  };

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // ZaloPay sends plain JSON. A compressed body would only ever fail the MAC check: say what is wrong.
    const encoding = req.headers['content-encoding'] ?? 'identity';
    if (encoding.toLowerCase() !== 'identity') {
      req.resume();
      sendJson(res, 415, {
        error: {
          code: 'unsupported_encoding',
          message: `Content-Encoding ${encoding} is not accepted`,
        },
      });
      return;
    }
    const raw = await getRawBody(req, {
      limit: CALLBACK_BODY_LIMIT,
      length: req.headers['content-length'],
    });
    const { httpStatus, body } = await payments.handleCallback(raw);
    sendJson(res, httpStatus, body);
  }
}
