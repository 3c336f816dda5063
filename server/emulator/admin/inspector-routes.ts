// GET /inspector: the request inspector page, on the emulator's own port only, under a strict CSP
// (a fresh nonce per response, nothing loaded from elsewhere, no framing).
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { inspectorPage } from './inspector-page';

export function inspectorRouter(): Router {
  const router = Router();
  router.get('/inspector', (req, res) => {
    const nonce = randomBytes(16).toString('base64');
    const filter = typeof req.query.app_trans_id === 'string' ? req.query.app_trans_id : '';
    res
      .set(
        'Content-Security-Policy',
        `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      )
      .set('X-Frame-Options', 'DENY')
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(inspectorPage(nonce, filter.slice(0, 100)));
  });
  return router;
}
