// /trpc/*: the tRPC API, answered by tRPC's own Node handler ahead of Express, behind the same security
// headers and access log. The pages poll getStatus, and Express's routing cost each call about a third
// of its CPU (docs/benchmarks.md). The create rate limit keys on the client's IP as Express would.
import type { IncomingMessage } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Logger } from '../logger';
import type { CreateRateLimit } from '../security/create-rate-limit';
import type { PaymentsPort } from '../trpc/context';
import { appRouter } from '../trpc/router';
import { isDatabaseInputError } from '../../db/database-input-error';
import { behind, type NodeHandler, type NodeMiddleware } from './node-middleware';

export const TRPC_BASE_PATH = '/trpc/';

/**
 * Calls one batched request may carry. The shopper's pages batch two or three; forty status reads in one
 * request were one of the ways a client multiplied ZaloPay queries (issue 14). More: 400 for the batch.
 */
export const TRPC_MAX_BATCH_SIZE = 10;

export function isTrpcRequest(req: IncomingMessage): boolean {
  return req.url?.startsWith(TRPC_BASE_PATH) ?? false;
}

export interface TrpcListenerDeps {
  payments: PaymentsPort;
  log: Logger;
  createLimit: CreateRateLimit;
  clientIp: (req: IncomingMessage) => string;
  /** Run first, in order: the security headers, the access log. */
  middlewares: NodeMiddleware[];
}

export function trpcListener(deps: TrpcListenerDeps): NodeHandler {
  const { payments, log, createLimit, clientIp } = deps;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: TRPC_BASE_PATH,
    // The client's IP is worked out only when a create spends the budget, not for every status read.
    createContext: ({ req }) => ({ payments: createLimit.portFor(payments, () => clientIp(req)) }),
    maxBodySize: 8 * 1024,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    // The answer says only "something went wrong" and the request id: the details are logged here.
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, path }, 'tRPC error');
      else if (isDatabaseInputError(error))
        log.warn({ err: error, path }, 'tRPC call refused: the database cannot take a value');
    },
  });
  return behind(deps.middlewares, trpc, log);
}
