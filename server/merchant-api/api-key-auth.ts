// The merchant API's door: `Authorization: Bearer <key>` on every /api/v1 call, checked against the
// database on every request (a revocation holds at once on every instance). A missing, malformed, unknown
// or revoked key all answer the same 401, so a caller learns nothing about which it was.
import type { RequestHandler, Response } from 'express';
import type { Database } from '../../db/create-db';
import { authenticateApiKey, type AuthenticatedApiKey } from '../api-keys/api-keys';
import { sendError } from '../http/rest-answers';

export type { AuthenticatedApiKey };

const BEARER = /^Bearer ([^\s]+)$/i;
export const UNAUTHORIZED_MESSAGE =
  'A valid API key is required: send it as "Authorization: Bearer <key>"';

/** The key of an authenticated /api/v1 request (set by apiKeyAuth; routes behind it may rely on it). */
export function apiKeyOf(res: Response): AuthenticatedApiKey {
  const key = (res.locals as { apiKey?: AuthenticatedApiKey }).apiKey;
  if (!key) throw new Error('apiKeyOf called on a route outside the merchant API');
  return key;
}

export function apiKeyAuth(db: Database): RequestHandler {
  return async (req, res, next) => {
    const presented = BEARER.exec(req.get('authorization') ?? '')?.[1];
    const key = presented === undefined ? undefined : await authenticateApiKey(db, presented);
    if (!key) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="merchant-api"');
      sendError(res, 401, 'unauthorized', UNAUTHORIZED_MESSAGE);
      return;
    }
    res.locals.apiKey = key;
    next();
  };
}
