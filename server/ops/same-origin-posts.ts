// The one cross-site check of /ops, applied once in front of every operator route (operator-routes.ts):
// a request that is not a GET or HEAD must come from our own page, else 403 before sign-in or any route.
import type { Request, RequestHandler } from 'express';

/** What every refused cross-origin request answers. */
export const CROSS_ORIGIN_REFUSAL = {
  error: { code: 'forbidden', message: 'Cross-origin request refused' },
} as const;

/**
 * The request came from our own page: browsers name the page's origin, and it must be ours, as
 * PUBLIC_BASE_URL says (behind a TLS proxy without TRUST_PROXY, req.protocol is http while the browser
 * says https) or as this very request was addressed (http://localhost in development).
 */
function sameOrigin(req: Request, publicOrigin: string): boolean {
  const origin = req.get('origin');
  return (
    origin === undefined ||
    origin === publicOrigin ||
    origin === `${req.protocol}://${req.get('host') ?? ''}`
  );
}

/** `publicOrigin`: PUBLIC_BASE_URL's origin, what a browser names in Origin when it posts our own forms. */
export function sameOriginPosts(publicOrigin: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req, publicOrigin)) {
      res.status(403).json(CROSS_ORIGIN_REFUSAL);
      return;
    }
    next();
  };
}
