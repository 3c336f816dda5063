// The merchant API's request limit: MERCHANT_API_REQUESTS_PER_MINUTE per API key on each instance (the
// project's express-rate-limit with its memory store, as the create limit), then 429 with Retry-After.
import type { RequestHandler } from 'express';
import { MemoryStore, rateLimit } from 'express-rate-limit';
import { apiKeyOf } from './api-key-auth';

const WINDOW_MS = 60_000;
export const PER_KEY_LIMIT_MESSAGE =
  'Too many requests with this API key. Wait for the time in Retry-After and try again.';

/** After apiKeyAuth: counts by the key's id (never the key itself). 0 turns the limit off. */
export function perKeyRateLimit(perMinute: number): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    store: new MemoryStore(),
    keyGenerator: (_req, res) => apiKeyOf(res).id,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: 'rate_limited', message: PER_KEY_LIMIT_MESSAGE } });
    },
  });
}
