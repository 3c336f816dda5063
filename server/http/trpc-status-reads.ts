// tRPC getStatus (the page's status read, alone or batched as httpBatchLink sends it) without the Fetch
// API round trip of tRPC's Node adapter, which built a web Request from each IncomingMessage and read its
// Response back through web streams: most of the CPU of a status read (docs/benchmarks.md). The procedure
// runs as always (createCaller: its input schema, middlewares and context); its answer goes out in
// tRPC's envelope serialised by the same superjson. Any other call, and any failure, is the adapter's.
import type { Request, RequestHandler } from 'express';
import superjson from 'superjson';
import type { Context } from '../trpc/context';
import { appRouter } from '../trpc/router';
import { TRPC_MAX_BATCH_SIZE } from './trpc-batch-limit';

const PROCEDURE = 'getStatus';
const createCaller = appRouter.createCaller;

/** The calls of a plain `GET /getStatus?input=` or `GET /getStatus,getStatus?batch=1&input=`, or undefined. */
function statusReads(req: Request): unknown[] | undefined {
  if (req.method !== 'GET' || req.headers['trpc-accept'] !== undefined) return undefined;
  const query = req.query as Record<string, unknown>;
  const { input, batch } = query;
  if (typeof input !== 'string' || Object.keys(query).length !== (batch === undefined ? 1 : 2)) {
    return undefined;
  }
  const paths = req.path.slice(1).split(',');
  if (paths.some((path) => path !== PROCEDURE)) return undefined;
  try {
    const parsed: unknown = JSON.parse(input);
    if (batch === undefined)
      return paths.length === 1 ? [superjson.deserialize(parsed as never)] : undefined;
    if (
      batch !== '1' ||
      paths.length > TRPC_MAX_BATCH_SIZE ||
      typeof parsed !== 'object' ||
      !parsed
    ) {
      return undefined;
    }
    const calls = parsed as Record<string, unknown>;
    if (Object.keys(calls).length !== paths.length) return undefined;
    return paths.map((_, i) => superjson.deserialize(calls[i] as never));
  } catch {
    return undefined;
  }
}

/** In front of the adapter: answers what it can, hands the rest (and every error) to the next handler. */
export function trpcStatusReads(contextOf: (req: Request) => Context): RequestHandler {
  return (req, res, next) => {
    const inputs = statusReads(req);
    if (!inputs) return next();
    const caller = createCaller(contextOf(req));
    Promise.all(inputs.map((input) => caller.getStatus(input as never))).then(
      (views) => {
        const results = views.map((view) => ({ result: { data: superjson.serialize(view) } }));
        const body = JSON.stringify(req.query.batch === undefined ? results[0] : results);
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Content-Length', Buffer.byteLength(body));
        res.setHeader('Vary', 'trpc-accept, accept');
        res.end(body);
      },
      // NOT_FOUND, a bad input: the adapter runs the call again and shapes the error as tRPC does.
      () => next(),
    );
  };
}
