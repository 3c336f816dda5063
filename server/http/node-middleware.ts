// Connect-style middleware (helmet, the access log) run in front of a plain Node handler, for the routes
// answered outside Express, and their JSON answers. An error a middleware passes on is answered like
// Express's error handler.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { errorReply, requestIdOfAnswer } from './error-reply';

export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function behind(
  middlewares: NodeMiddleware[],
  handler: NodeHandler,
  log: Logger,
): NodeHandler {
  return (req, res) => {
    let index = 0;
    const next = (error?: unknown) => {
      if (error !== undefined) {
        const { status, body } = errorReply(error, requestIdOfAnswer(res));
        // The query string can carry a redirect's checksum: log the path only.
        if (status >= 500)
          log.error({ err: error, path: req.url?.split('?')[0] }, 'request failed');
        sendJson(res, status, body);
        return;
      }
      const middleware = middlewares[index++];
      if (middleware) middleware(req, res, next);
      else handler(req, res);
    };
    next();
  };
}

/** A JSON answer, unless one has already begun. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}
