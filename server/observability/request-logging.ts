// One JSON line per HTTP request with a request id: the caller's X-Request-Id when it looks like an id, a
// fresh UUID otherwise, always echoed back so a shopper's report can be matched to our logs. Written on
// the root logger when the response ends: pino-http's child logger per request cost about a quarter of
// the CPU of a status read (docs/benchmarks.md).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';
import { runInRequestContext } from './request-context';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** Accepted from outside: letters, digits and . _ : - only, 8 to 128 of them (no log injection). */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
/** Our order ids wherever they appear in a URL: the status API, tRPC inputs, the redirect, /ops. */
const APP_TRANS_ID_IN_URL = /\d{6}_[A-Za-z0-9_-]{8,33}/;
/** Probes that would drown the log; their failures still show in /readyz and the metrics. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
/**
 * Static files (the client's /assets/*, the favicon, anything named with an extension): a page load
 * fetches a dozen, so a served one is logged at debug only (LOG_LEVEL=debug shows them); a refused or
 * missing one still gets its warning line.
 */
const STATIC_FILE = /^\/assets\/|\.[A-Za-z0-9]{1,8}$/;

function isServedStaticFile(method: string, path: string, statusCode: number): boolean {
  return (method === 'GET' || method === 'HEAD') && statusCode < 400 && STATIC_FILE.test(path);
}

export function requestIdOf(req: IncomingMessage): string {
  const offered = req.headers['x-request-id'];
  return typeof offered === 'string' && ACCEPTABLE_REQUEST_ID.test(offered)
    ? offered
    : randomUUID();
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0] ?? '/';
}

/** A live status stream (tRPC's SSE subscription) ends when the page closes it: normal, not a warning. */
function isEventStream(res: ServerResponse): boolean {
  return String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');
}

export function requestLogging(log: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req);
    // Express rewrites req.url inside mounted routers (tRPC at /trpc); originalUrl is the whole URL.
    const url = req.originalUrl;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // The query string can carry a redirect's checksum and tRPC inputs: log the path only.
    const path = pathOf(url);
    if (!QUIET_PATHS.has(path)) {
      const started = performance.now();
      const done = () => {
        res.off('finish', done);
        res.off('close', done);
        const statusCode = res.statusCode;
        const appTransId = APP_TRANS_ID_IN_URL.exec(url ?? '')?.[0];
        const line = {
          req: { id: requestId, method: req.method, path, remoteAddress: req.socket.remoteAddress },
          res: { statusCode },
          responseTime: Math.round(performance.now() - started),
          ...(appTransId ? { appTransId } : {}),
        };
        if (!res.writableFinished && isEventStream(res)) log.debug(line, 'stream closed');
        else if (!res.writableFinished) log.warn(line, 'request aborted');
        else if (statusCode >= 500) log.error(line, 'request completed');
        else if (statusCode >= 400) log.warn(line, 'request completed');
        else if (isServedStaticFile(req.method, path, statusCode)) log.debug(line, 'asset served');
        else log.info(line, 'request completed');
      };
      res.on('finish', done);
      res.on('close', done);
    }
    runInRequestContext({ requestId }, next);
  };
}
