// The limit on creating payments: each one stores an order and costs a signed call to ZaloPay, so one
// client IP gets CREATE_RATE_LIMIT_PER_MINUTE of them, over REST and tRPC together (0: no limit). Creating
// merchant orders (carts) has a budget of its own built the same way, ORDER_RATE_LIMIT_PER_MINUTE, so a
// shopper who builds carts does not run out of payments.
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';

const WINDOW_MS = 60_000;
export const CREATE_RATE_LIMIT_MESSAGE =
  'Too many payment requests from your network. Please wait a minute and try again.';
export const ORDER_RATE_LIMIT_MESSAGE =
  'Too many new orders from your network. Please wait a minute and try again.';

export interface CreateRateLimit {
  /** For POST /api/payment/create and /api/orders: answers 429 with a JSON body (and Retry-After) once the budget is spent. */
  restRoute: RequestHandler;
  /**
   * Spends one create of this client's budget, for tRPC's createOrder and createPayment (each call of a
   * batch too; server/trpc/call-limits.ts): false once the budget is spent.
   */
  spend(clientIp: string): Promise<boolean>;
}

/**
 * The client's key: its IP, which is the socket's peer unless TRUST_PROXY names the proxies in front
 * (then the client's address comes from X-Forwarded-For, past the trusted hops only: Express's req.ip,
 * for REST and tRPC alike). IPv6 clients are grouped by /56, the block one subscriber usually holds.
 */
const clientKey = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

export function createPaymentRateLimit(
  perMinute: number,
  message = CREATE_RATE_LIMIT_MESSAGE,
): CreateRateLimit {
  if (perMinute === 0) {
    return { restRoute: (_req, _res, next) => next(), spend: () => Promise.resolve(true) };
  }
  const store = new MemoryStore();
  const restRoute = rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    store,
    keyGenerator: clientKey,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // With TRUST_PROXY off an X-Forwarded-For header is simply ignored (it is what a spoofer sends).
    validate: { xForwardedForHeader: false },
    handler: (_req, res) => {
      res.status(429).json({ error: { code: 'rate_limited', message } });
    },
  });

  return {
    restRoute,
    async spend(clientIp) {
      const { totalHits } = await store.increment(ipKeyGenerator(clientIp));
      return totalHits <= perMinute;
    },
  };
}
