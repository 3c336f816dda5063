// /trpc/*: the tRPC API, answered by tRPC's own Node handler ahead of Express, behind the same security
// headers and access log. The pages poll getStatus, and Express's routing cost each call about a third
// of its CPU (docs/benchmarks.md). The create rate limit keys on the client's IP as Express would.
import type { IncomingMessage } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Logger } from '../logger';
import type { CreateRateLimit } from '../security/create-rate-limit';
import type { PaymentsPort } from '../payments/payments-port';
import { appRouter } from '../trpc/router';
import { isDatabaseInputError } from '../../db/database-input-error';
import type { LiveStreamCap } from '../security/live-stream-cap';
import type { RedirectReportLimit } from '../security/redirect-report-limit';
import { behind, sendJson, type NodeHandler, type NodeMiddleware } from './node-middleware';
import { TRPC_MAX_BATCH_SIZE } from './trpc-batch-limit';

export const TRPC_BASE_PATH = '/trpc/';

export function isTrpcRequest(req: IncomingMessage): boolean {
  return req.url?.startsWith(TRPC_BASE_PATH) ?? false;
}

export interface TrpcListenerDeps {
  payments: PaymentsPort;
  log: Logger;
  createLimit: CreateRateLimit;
  redirectLimit: RedirectReportLimit;
  liveStreams: LiveStreamCap;
  clientIp: (req: IncomingMessage) => string;
  /** Run first, in order: the security headers, the access log. */
  middlewares: NodeMiddleware[];
}

export function trpcListener(deps: TrpcListenerDeps): NodeHandler {
  const { payments, log, createLimit, redirectLimit, clientIp } = deps;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: TRPC_BASE_PATH,
    // The client's IP is worked out only when a create or a redirect report spends a budget, not for
    // every status read.
    createContext: ({ req }) => {
      const ip = () => clientIp(req);
      return { payments: redirectLimit.portFor(createLimit.portFor(payments, ip), ip) };
    },
    maxBodySize: 8 * 1024,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    // The answer says only "something went wrong" and the request id: the details are logged here.
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, path }, 'tRPC error');
      else if (isDatabaseInputError(error))
        log.warn({ err: error, path }, 'tRPC call refused: the database cannot take a value');
    },
  });
  const streamOrTrpc: NodeHandler = (req, res) => {
    if (isSubscriptionRequest(req) && !deps.liveStreams.admit(req, res)) {
      sendJson(res, 429, {
        error: {
          code: 'too_many_streams',
          message: 'Too many live status streams from your network',
        },
      });
      return;
    }
    trpc(req, res);
  };
  return behind(deps.middlewares, streamOrTrpc, log);
}

/** The router's subscriptions (onStatusChange): each request for one holds a connection open. */
const SUBSCRIPTIONS = new Set(
  Object.entries(appRouter._def.procedures)
    .filter(([, procedure]) => procedure._def.type === 'subscription')
    .map(([path]) => path),
);

function isSubscriptionRequest(req: IncomingMessage): boolean {
  const paths = (req.url ?? '').slice(TRPC_BASE_PATH.length).split('?')[0] ?? '';
  return paths.split(',').some((path) => SUBSCRIPTIONS.has(decodeURIComponent(path)));
}
