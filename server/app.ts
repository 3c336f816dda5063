// The Express app factory: the callback route, the REST contract, tRPC at /trpc and the React client.
// It only wires routes to services; main.ts builds the services and tests pass their own.
import express, { type Express } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Logger } from './logger';
import type { PaymentsService } from './payments/payments-service';
import { appRouter } from './trpc/router';
import { callbackRoute } from './http/callback-route';
import { paymentRestRoutes } from './http/payment-rest-routes';
import { spaRoute } from './http/spa-route';
import { jsonErrorHandler } from './http/error-handler';
import { healthRoutes } from './http/health-routes';

export interface AppDeps {
  payments: PaymentsService;
  log: Logger;
  /** The built client (dist/client); omit to serve the API only. */
  clientDir?: string;
}

export function createApp({ payments, log, clientDir }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use(healthRoutes());
  app.use(callbackRoute(payments));
  app.use(paymentRestRoutes(payments));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: () => ({ payments }),
      maxBodySize: 8 * 1024,
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, path }, 'tRPC error');
      },
    }),
  );
  if (clientDir) app.use(spaRoute(clientDir));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'Not found' } });
  });
  app.use(jsonErrorHandler(log));
  return app;
}
