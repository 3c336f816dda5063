// GET /favicon.ico: the merchant's favicon from /ops/shop (a redirect to its immutable /media URL), or,
// without one, whatever comes next (the next route's default icon, else a 404). Its own file, so the
// default favicon of another change can sit beside it.
import { Router } from 'express';
import type { StorefrontCache } from '../catalogue/storefront-cache';

export function faviconRoute(storefront: StorefrontCache): Router {
  const router = Router();
  router.get('/favicon.ico', async (_req, res, next) => {
    const { profile } = await storefront.get();
    if (!profile.faviconUrl) {
      next();
      return;
    }
    res.set('cache-control', 'public, max-age=300').redirect(302, profile.faviconUrl);
  });
  return router;
}
