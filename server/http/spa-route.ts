// Serves the built React client (dist/client) and answers any other GET page path with index.html,
// so /order/confirmation?apptransid=... works on a hard load; a path no page has (client/page-path.ts)
// gets the same document with 404, and the client shows its not-found page in the shopper's language.
import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { routeOf } from '../../client/page-path';

export function spaRoute(clientDir: string): Router {
  const router = Router();
  const indexHtml = path.join(clientDir, 'index.html');
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|trpc\/).*/, (req, res) => {
    if (!existsSync(indexHtml)) {
      res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
      return;
    }
    // Browsers ask for /favicon.ico by themselves: no icon yet is not a missing page (no 404 in consoles).
    if (req.path === '/favicon.ico') {
      res.status(204).end();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.status(routeOf(req.path).page === 'not-found' ? 404 : 200);
    res.sendFile(indexHtml);
  });
  return router;
}
