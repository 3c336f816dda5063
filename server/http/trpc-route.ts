// /trpc/*: the tRPC API on tRPC's Express adapter, behind the app's security headers and access log,
// with the live status stream cap, the status reads and the shop's menu read (prepared answers) in front. Each request's context carries the payments port, the
// caller's IP (Express's req.ip) and the limits its procedures spend (server/trpc/call-limits.ts).
import type { Request, RequestHandler } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Logger } from '../logger';
import type { PaymentsPort } from '../payments/payments-port';
import { isDatabaseInputError } from '../../db/database-input-error';
import { liveStreamCap } from '../security/live-stream-cap';
import type { CallLimits, Context } from '../trpc/context';
import { appRouter } from '../trpc/router';
import { isDatabaseOutage } from '../trpc/init';
import { DATABASE_RETRY_AFTER_SECONDS } from '../api-errors/error-reply';
import { TRPC_MAX_BATCH_SIZE } from './trpc-batch-limit';
import { trpcStatusReads } from './trpc-status-reads';
import { trpcProductList } from './trpc-product-list';
import { trpcWholeAnswers } from './trpc-whole-answers';
import type { StorefrontCache } from '../catalogue/storefront-cache';

export const TRPC_MOUNT_PATH = '/trpc';

export interface TrpcRouteDeps {
  payments: PaymentsPort;
  log: Logger;
  limits: CallLimits;
  /** Live status streams one client IP may hold at once (0: no cap). */
  liveStreamsPerClient: number;
  /** The instance's storefront cache: listProducts answers from it, prepared once per version. */
  storefront?: StorefrontCache | undefined;
}

/**
 * The handlers to mount at TRPC_MOUNT_PATH, in order: the stream cap, status reads, the menu, then tRPC
 * with its JSON answers sent whole.
 */
export function trpcRoute({
  payments,
  log,
  limits,
  liveStreamsPerClient,
  storefront,
}: TrpcRouteDeps): RequestHandler[] {
  const contextOf = (req: Request): Context => ({
    payments,
    limits,
    clientIp: () => clientIpOf(req),
  });
  const trpc = createExpressMiddleware({
    router: appRouter,
    createContext: ({ req }) => contextOf(req),
    maxBodySize: 8 * 1024,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    // A database outage answers 503 with Retry-After, as REST does.
    responseMeta: ({ errors }) =>
      errors.some(isDatabaseOutage)
        ? { headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) } }
        : {},
    // The answer says only "something went wrong" and the request id: the details are logged here.
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error, path }, 'tRPC error');
      else if (isDatabaseOutage(error))
        log.warn({ err: error, path }, 'tRPC call answered 503: the database is unreachable');
      else if (isDatabaseInputError(error))
        log.warn({ err: error, path }, 'tRPC call refused: the database cannot take a value');
    },
  });
  return [
    liveStreamCap(liveStreamsPerClient, isSubscriptionRequest),
    trpcStatusReads(payments),
    ...(storefront ? [trpcProductList(storefront)] : []),
    trpcWholeAnswers(),
    trpc,
  ];
}

function clientIpOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** The router's subscriptions (onStatusChange): each request for one holds a connection open. */
const SUBSCRIPTIONS = new Set(
  Object.entries(appRouter._def.procedures)
    .filter(([, procedure]) => procedure._def.type === 'subscription')
    .map(([path]) => path),
);

/** `req.path` under the mount: `/onStatusChange`, or `/getStatus,onStatusChange` for a batch. */
function isSubscriptionRequest(req: Request): boolean {
  return req.path
    .slice(1)
    .split(',')
    .some((path) => SUBSCRIPTIONS.has(decodedOrAsIs(path)));
}

/** tRPC decodes the path too, so an encoded name is still a stream; a malformed one is left to tRPC. */
function decodedOrAsIs(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
