// Each live status stream (the onStatusChange subscription, server-sent events) holds a connection and
// a subscription for as long as the client likes: 900 from one client used about 76 MB. A
// client IP may hold LIVE_STREAMS_PER_CLIENT at once; past that it gets 429, and the page falls back to
// polling getStatus.
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

/**
 * An Express middleware in front of tRPC: a request `opensStream` says is a stream is counted until its
 * response closes, or answered 429 too_many_streams past the cap. `perClient` 0: no cap. The client is
 * Express's req.ip (TRUST_PROXY applied), IPv6 grouped by /56 as the rate limits do.
 */
export function liveStreamCap(
  perClient: number,
  opensStream: (req: Request) => boolean,
): RequestHandler {
  const open = new Map<string, number>();
  return (req, res, next) => {
    if (perClient === 0 || !opensStream(req)) return next();
    const client = ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const streams = open.get(client) ?? 0;
    if (streams >= perClient) {
      res.status(429).json({
        error: {
          code: 'too_many_streams',
          message: 'Too many live status streams from your network',
        },
      });
      return;
    }
    open.set(client, streams + 1);
    res.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
    next();
  };
}
