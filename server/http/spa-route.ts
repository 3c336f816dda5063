// Serves the built React client (dist/client) and answers any other GET page path with index.html,
// so /order/confirmation?apptransid=... works on a hard load; a path no page has (client/shared/page-path.ts)
// gets the same document with 404, and the client shows its not-found page in the shopper's language.
// With a storefront, index.html carries the shop's profile and products (storefront-html.ts), from a
// cache each instance keeps current. Vite names every file under /assets by its content's hash, so
// those are cached for a year; HTML is revalidated on every visit.
import express, { Router } from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { routeOf } from '../../client/shared/page-path';
import type { StorefrontCache } from '../catalogue/storefront-cache';
import { storefrontHtml } from './storefront-html';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** Files outside /assets (the favicon) keep their name when they change: a day, then asked again. */
const UNHASHED = 'public, max-age=86400';

export function spaRoute(clientDir: string, storefront?: StorefrontCache): Router {
  const router = Router();
  const indexHtml = path.join(clientDir, 'index.html');
  let template: string | undefined;
  let rendered: { version: number; html: string } | undefined;

  // An unknown /assets path falls through to the app's JSON 404, never to index.html: a stale page
  // asking for a chunk of an older build must fail as a missing script, not parse HTML as JavaScript.
  router.use(
    '/assets',
    express.static(path.join(clientDir, 'assets'), {
      index: false,
      redirect: false,
      setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE),
    }),
  );
  router.use(
    express.static(clientDir, {
      index: false,
      redirect: false,
      setHeaders: (res, file) =>
        res.setHeader('Cache-Control', file.endsWith('.html') ? REVALIDATE : UNHASHED),
    }),
  );
  router.get(/^\/(?!api\/|trpc\/|assets\/).*/, async (req, res) => {
    try {
      template ??= await readFile(indexHtml, 'utf8');
    } catch {
      res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
      return;
    }
    let html = template;
    if (storefront) {
      const view = await storefront.get();
      if (rendered?.version !== view.version) {
        rendered = { version: view.version, html: storefrontHtml(template, view) };
      }
      html = rendered.html;
    }
    res.setHeader('Cache-Control', REVALIDATE);
    res.status(routeOf(req.path).page === 'not-found' ? 404 : 200);
    res.type('html').send(html);
  });
  return router;
}
