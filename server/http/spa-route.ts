// Serves the built React client (dist/client) and answers any other GET page path with index.html,
// so /order/confirmation?apptransid=... works on a hard load.
import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

export function spaRoute(clientDir: string): Router {
  const router = Router();
  const indexHtml = path.join(clientDir, 'index.html');
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|trpc\/).*/, (_req, res) => {
    if (!existsSync(indexHtml)) {
      res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
