// The Node HTTP server the Express app runs on, built so that Express's per-request prototype swap costs
// nothing. Express gives every request and response the app's own prototypes
// (Object.setPrototypeOf(req, app.request)); V8 then drops the objects' fast shapes, and every later
// property read on them is slow: about 200 µs of CPU per request on a 2-core machine, more than the
// callback's own work (docs/decisions/012-one-express-app.md). Node's server can build its requests and
// responses from classes of ours: when those classes' prototypes ARE the app's, Express finds nothing to
// change. Same Express, same routes, same middleware. The server also cuts slow clients (trickled
// headers or bodies) and caps its connections (docs/security.md, "Slow clients").
import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { Express } from 'express';

export interface ExpressServer {
  server: Server;
  /** Serves `app` on the server (once): the app's request and response prototypes become our classes'. */
  serve(app: Express): void;
}

export interface SlowClientLimits {
  /** The headers must have arrived within this (Node answers 408 and closes the connection). */
  headersTimeoutMs: number;
  /** The whole request, body included; once a request is in, its answer (a live stream) is not cut. */
  requestTimeoutMs: number;
  /** Open connections at most; beyond it Node drops new ones. 0: no cap. */
  maxConnections: number;
}

/** Node's own defaults are 60 s, 300 s and no cap, checked every 30 s: far too lenient for a checkout. */
export const DEFAULT_SLOW_CLIENT_LIMITS: SlowClientLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 5_000,
};

/** A server that can listen before the app exists (so PORT=0 can name its real port to the app). */
export function createExpressServer(
  limits: SlowClientLimits = DEFAULT_SLOW_CLIENT_LIMITS,
): ExpressServer {
  class CheckoutRequest extends IncomingMessage {}
  class CheckoutResponse extends ServerResponse<CheckoutRequest> {}
  const server = createServer({
    IncomingMessage: CheckoutRequest,
    ServerResponse: CheckoutResponse,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // The timeouts are enforced when Node checks its connections: often enough that a limit is not
    // overrun by more than a quarter.
    connectionsCheckingInterval: Math.max(250, Math.min(limits.headersTimeoutMs / 4, 5_000)),
  });
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
  let served = false;
  return {
    server,
    serve(app) {
      if (served) throw new Error('The server already serves an app');
      served = true;
      // Our prototypes take the app's place in the chain: request -> ours -> the app's -> Express's -> Node's.
      Object.setPrototypeOf(CheckoutRequest.prototype, app.request);
      Object.setPrototypeOf(CheckoutResponse.prototype, app.response);
      app.request = CheckoutRequest.prototype as Express['request'];
      app.response = CheckoutResponse.prototype as unknown as Express['response'];
      server.on('request', app);
    },
  };
}
