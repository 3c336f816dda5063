// Serves the built React client (dist/client) and answers any other GET page path with index.html, so
// /order/confirmation?apptransid=... works on a hard load. With a storefront, index.html carries the
// shop's profile and products (storefront-html.ts), from a cache each instance keeps current.
import express, { Router } from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StorefrontCache } from '../catalogue/storefront-cache';
import { storefrontHtml } from './storefront-html';

export function spaRoute(clientDir: string, storefront?: StorefrontCache): Router {
  const router = Router();
  const indexHtml = path.join(clientDir, 'index.html');
  let template: string | undefined;
  let rendered: { version: number; html: string } | undefined;

  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|trpc\/).*/, async (_req, res) => {
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
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  });
  return router;
}
