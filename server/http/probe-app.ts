// What a ROLE=worker instance serves on PORT: /healthz, /readyz and /metrics for the orchestrator and
// Prometheus, and nothing a shopper, ZaloPay or an operator could use (every other path is 404).
import express, { type Express, type Router } from 'express';
import { healthRoutes } from './health-routes';

export function createProbeApp(probes: Router): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(healthRoutes());
  app.use(probes);
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'Not found' } });
  });
  return app;
}
