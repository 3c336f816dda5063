// One JSON line per HTTP request (pino-http) with a request id: the caller's X-Request-Id when it looks
// like an id, a fresh UUID otherwise, always echoed back so a shopper's report can be matched to our logs.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
import { runInRequestContext } from './request-context';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** Accepted from outside: letters, digits and . _ : - only, 8 to 128 of them (no log injection). */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
/** Our order ids wherever they appear in a URL: the status API, tRPC inputs, the redirect, /ops. */
const APP_TRANS_ID_IN_URL = /\d{6}_[A-Za-z0-9_-]{8,33}/;
/** Probes that would drown the log; their failures still show in /readyz and the metrics. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export function requestIdOf(req: IncomingMessage): string {
  const offered = req.headers['x-request-id'];
  return typeof offered === 'string' && ACCEPTABLE_REQUEST_ID.test(offered)
    ? offered
    : randomUUID();
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0] ?? '/';
}

export function requestLogging(log: Logger): RequestHandler {
  const logRequest = pinoHttp<IncomingMessage, ServerResponse>({
    logger: log,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req.url)) },
    // The query string can carry a redirect's checksum and tRPC inputs: log the path only.
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.url),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (req) => {
      const appTransId = APP_TRANS_ID_IN_URL.exec(req.url ?? '')?.[0];
      return appTransId ? { appTransId } : {};
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  });
  return (req, res, next) => {
    logRequest(req, res);
    runInRequestContext({ requestId: String(req.id) }, next);
  };
}
