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

interface StatusReads {
  inputs: unknown[];
  /** `?batch=1`: the answer is an array, one result per call. */
  batched: boolean;
}

/**
 * The calls of a plain `GET /getStatus?input=` or `GET /getStatus,getStatus?batch=1&input=`, or
 * undefined. (Express parses the query string again at every read of req.query: it is read once.)
 */
function statusReads(req: Request): StatusReads | undefined {
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
    if (batch === undefined) {
      return paths.length === 1
        ? { inputs: [superjson.deserialize(parsed as never)], batched: false }
        : undefined;
    }
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
    return { inputs: paths.map((_, i) => superjson.deserialize(calls[i] as never)), batched: true };
  } catch {
    return undefined;
  }
}

/** In front of the adapter: answers what it can, hands the rest (and every error) to the next handler. */
export function trpcStatusReads(contextOf: (req: Request) => Context): RequestHandler {
  return (req, res, next) => {
    const reads = statusReads(req);
    if (!reads) return next();
    const caller = createCaller(contextOf(req));
    Promise.all(reads.inputs.map((input) => caller.getStatus(input as never))).then(
      (views) => {
        const results = views.map((view) => ({ result: { data: superjson.serialize(view) } }));
        const body = Buffer.from(JSON.stringify(reads.batched ? results : results[0]));
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Content-Length', body.length);
        res.setHeader('Vary', 'trpc-accept, accept');
        res.end(body);
      },
      // NOT_FOUND, a bad input: the adapter runs the call again and shapes the error as tRPC does.
      () => next(),
    );
  };
}
