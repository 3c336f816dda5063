// With TRUST_PROXY off, X-Forwarded-For is ignored and the client IP is the socket's peer. If requests
// do carry the header, a proxy is probably in front, and then every client shares its address: one
// stranger spends everyone's rate limits and locks every operator out of sign-in. Say so in the log
// (once) and in /readyz, without refusing anything.
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';
import type { TrustProxySetting } from './trust-proxy';

export const FORWARDED_WITHOUT_TRUST_PROXY =
  'requests carry X-Forwarded-For but TRUST_PROXY is off: if a proxy is in front, every client shares its IP (rate limits, sign-in lockout); set TRUST_PROXY to the proxies in front (e.g. 1)';

export interface ForwardedHeaderWatch {
  middleware: RequestHandler;
  /** What /readyz reports: empty until a request carried the header with TRUST_PROXY off. */
  warnings(): string[];
}

export function watchForwardedHeaders(
  trustProxy: TrustProxySetting,
  log: Logger,
): ForwardedHeaderWatch {
  let seen = 0;
  const middleware: RequestHandler = (req, _res, next) => {
    if (trustProxy === false && req.headers['x-forwarded-for'] !== undefined) {
      seen += 1;
      if (seen === 1) {
        log.warn({ remoteAddress: req.socket.remoteAddress }, FORWARDED_WITHOUT_TRUST_PROXY);
      }
    }
    next();
  };
  return {
    middleware,
    warnings: () =>
      seen === 0 ? [] : [`${FORWARDED_WITHOUT_TRUST_PROXY} (${seen} requests so far)`],
  };
}
