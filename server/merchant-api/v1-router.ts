// The merchant API at /api/v1 (docs/merchant-api.md): public routes first (the OpenAPI document), then
// the key check, the per-key limit and a size-limited JSON body for every other route. Each part of
// the API adds its routes as a registrar, so this file knows none of them.
import express, { Router } from 'express';
import type { Database } from '../../db/create-db';
import { sendError } from '../http/rest-answers';
import { apiKeyAuth } from './api-key-auth';
import { perKeyRateLimit } from './per-key-rate-limit';

export const MERCHANT_API_PATH = '/api/v1';
/** Bodies past this answer 413 payload_too_large (orders with many lines and metadata fit well within). */
export const MERCHANT_API_BODY_LIMIT = '64kb';

/** Adds routes to the /api/v1 router; paths are relative to it (`/orders`, `/events`). */
export type MerchantApiRoutes = (router: Router) => void;

export interface MerchantApiOptions {
  db: Database;
  /** MERCHANT_API_REQUESTS_PER_MINUTE: per key and instance; 0: no limit. */
  requestsPerMinute: number;
  /** Routes answered without a key (the OpenAPI document). */
  publicRoutes?: MerchantApiRoutes[];
  /** Routes behind the key: res.locals.apiKey (apiKeyOf(res)) names the caller; req.body is parsed JSON. */
  routes: MerchantApiRoutes[];
}

export function merchantApiRouter(options: MerchantApiOptions): Router {
  const router = Router();
  for (const register of options.publicRoutes ?? []) register(router);
  router.use(apiKeyAuth(options.db));
  router.use(perKeyRateLimit(options.requestsPerMinute));
  router.use(express.json({ limit: MERCHANT_API_BODY_LIMIT }));
  for (const register of options.routes) register(router);
  // Unknown paths answer here, after the key check: a stranger cannot map the API.
  router.use((_req, res) => {
    sendError(res, 404, 'not_found', 'No such route in the merchant API');
  });
  return router;
}
