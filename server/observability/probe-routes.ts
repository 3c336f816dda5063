// The probe and scrape endpoints: GET /readyz (200 ready / 503 with the failed checks) and GET /metrics
// (Prometheus text format). /healthz, "the process is up", stays in server/http/health-routes.ts.
import { Router } from 'express';
import { bearerTokenMatches } from '../security/bearer-token';
import type { Registry } from 'prom-client';
import type { Readiness } from './readiness';

/** `warnings`: what is wrong with the settings without stopping the instance (ready stays ready). */
export function readinessRoute(
  checkReadiness: () => Promise<Readiness>,
  warnings: () => string[] = () => [],
): Router {
  const router = Router();
  router.get('/readyz', async (_req, res) => {
    const { ready, checks } = await checkReadiness();
    const failed = Object.entries(checks)
      .filter(([, check]) => !check.ok)
      .map(([name]) => name);
    const warned = warnings();
    res
      .status(ready ? 200 : 503)
      .set('cache-control', 'no-store')
      .json({
        status: ready ? 'ready' : 'not_ready',
        failed,
        checks,
        ...(warned.length > 0 ? { warnings: warned } : {}),
      });
  });
  return router;
}

/** With a token (METRICS_TOKEN), /metrics answers only `Authorization: Bearer <token>`; else 401. */
export function metricsRoute(registry: Registry, token: string | undefined): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token !== undefined && !bearerTokenMatches(token, req.headers.authorization)) {
      res
        .status(401)
        .set('www-authenticate', 'Bearer realm="metrics"')
        .json({ error: { code: 'unauthorized', message: 'A bearer token is required' } });
      return;
    }
    res
      .set('content-type', registry.contentType)
      .set('cache-control', 'no-store')
      .send(await registry.metrics());
  });
  return router;
}
