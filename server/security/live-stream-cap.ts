// Each live status stream (the onStatusChange subscription, server-sent events) holds a connection and
// a subscription for as long as the client likes: 900 from one client used about 76 MB (issue 14). A
// client IP may hold LIVE_STREAMS_PER_CLIENT at once; past that it gets 429, and the page falls back to
// polling getStatus.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ipKeyGenerator } from 'express-rate-limit';

export interface LiveStreamCap {
  /** True when the stream may open (counted until its response closes); false: the caller answers 429. */
  admit(req: IncomingMessage, res: ServerResponse): boolean;
}

/** `perClient` 0: no cap. */
export function createLiveStreamCap(
  perClient: number,
  clientIp: (req: IncomingMessage) => string,
): LiveStreamCap {
  const open = new Map<string, number>();
  return {
    admit(req, res) {
      if (perClient === 0) return true;
      const client = ipKeyGenerator(clientIp(req));
      const streams = open.get(client) ?? 0;
      if (streams >= perClient) return false;
      open.set(client, streams + 1);
      res.once('close', () => {
        const left = (open.get(client) ?? 1) - 1;
        if (left > 0) open.set(client, left);
        else open.delete(client);
      });
      return true;
    },
  };
}
