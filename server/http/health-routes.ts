// GET /healthz: the process is up and serving HTTP (for load balancers and the e2e server probe).
import { Router } from 'express';

export function healthRoutes(): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
