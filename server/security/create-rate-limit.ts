// The limit on creating payments: each one stores an order and costs a signed call to ZaloPay, so one
// client IP gets CREATE_RATE_LIMIT_PER_MINUTE of them, over REST and tRPC together (0: no limit).
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';
import { TRPCError } from '@trpc/server';
import type { PaymentsPort } from '../payments/payments-port';

const WINDOW_MS = 60_000;
const MESSAGE = 'Too many payment requests from your network. Please wait a minute and try again.';

export interface CreateRateLimit {
  /** For POST /api/payment/create: answers 429 with a JSON body (and Retry-After) once the budget is spent. */
  restRoute: RequestHandler;
  /**
   * The payments port one tRPC request sees: every createPayment call (each one of a batch too) spends
   * the same budget, and a spent budget is TOO_MANY_REQUESTS (HTTP 429) in tRPC's own error format.
   * `clientIp` is asked only when a create spends the budget.
   */
  portFor(payments: PaymentsPort, clientIp: () => string): PaymentsPort;
}

/**
 * The client's key: its IP, which is the socket's peer unless TRUST_PROXY names the proxies in front
 * (then the client's address comes from X-Forwarded-For, past the trusted hops only: req.ip in Express,
 * server/security/client-ip.ts for tRPC). IPv6 clients are grouped by /56, the block one subscriber
 * usually holds.
 */
const clientKey = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

export function createPaymentRateLimit(perMinute: number): CreateRateLimit {
  if (perMinute === 0) {
    return { restRoute: (_req, _res, next) => next(), portFor: (payments) => payments };
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
      res.status(429).json({ error: { code: 'rate_limited', message: MESSAGE } });
    },
  });

  async function spend(clientIp: string): Promise<void> {
    const { totalHits } = await store.increment(ipKeyGenerator(clientIp));
    if (totalHits > perMinute) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: MESSAGE });
  }

  return {
    restRoute,
    portFor: (payments, clientIp) => ({
      listProducts: () => payments.listProducts(),
      createOrder: async (lines) => {
        await spend(clientIp());
        return payments.createOrder(lines);
      },
      getOrder: (orderId) => payments.getOrder(orderId),
      payOrder: async (orderId) => {
        await spend(clientIp());
        return payments.payOrder(orderId);
      },
      create: async (input) => {
        await spend(clientIp());
        return payments.create(input);
      },
      getStatus: (appTransId) => payments.getStatus(appTransId),
      watch: (appTransId, signal) => payments.watch(appTransId, signal),
      reportRedirect: (query) => payments.reportRedirect(query),
    }),
  };
}
