// tRPC getStatus (the page's status read, alone or batched as httpBatchLink sends it) answered in front of
// tRPC's adapter, the one call a waiting page repeats. The adapter built a web Request from each
// IncomingMessage and read its Response back through web streams, and tRPC's middleware chain copies the
// call's options four times per step with a transpiled object spread: together most of a read's CPU
// (docs/benchmarks.md). Here a read is getStatus's own work: its input schema, the payments port, its span,
// and its answer in tRPC's envelope serialised by the same superjson. Any other call, and any read that
// does not answer a view (an unknown order, a bad input, a failure), goes to the adapter, which answers
// it as tRPC does.
import type { Request, RequestHandler } from 'express';
import superjson from 'superjson';
import type { PaymentsPort } from '../payments/payments-port';
import { procedureSpanAttributes } from '../trpc/init';
import { statusInput } from '../trpc/router';
import { inSpan, tracingOn } from '../telemetry/spans';
import { TRPC_MAX_BATCH_SIZE } from './trpc-batch-limit';

const PROCEDURE = 'getStatus';

interface StatusReads {
  appTransIds: string[];
  /** `?batch=1`: the answer is an array, one result per call. */
  batched: boolean;
}

/** A call's input as getStatus's schema reads it, or undefined where the adapter must answer. */
function appTransIdOf(serialized: unknown): string | undefined {
  const input = statusInput.safeParse(superjson.deserialize(serialized as never));
  return input.success ? input.data.appTransId : undefined;
}

/**
 * The calls of a plain `GET /getStatus?input=` or `GET /getStatus,getStatus?batch=1&input=` whose
 * inputs getStatus accepts, or undefined. (Express parses the query string again at every read of
 * req.query: it is read once.)
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
    let inputs: unknown[];
    if (batch === undefined) {
      if (paths.length !== 1) return undefined;
      inputs = [parsed];
    } else {
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
      inputs = paths.map((_, i) => calls[i]);
    }
    const appTransIds = inputs.map(appTransIdOf);
    if (appTransIds.some((id) => id === undefined)) return undefined;
    return { appTransIds: appTransIds as string[], batched: batch !== undefined };
  } catch {
    return undefined;
  }
}

/** In front of the adapter: answers what it can, hands the rest (and every failure) to the next handler. */
export function trpcStatusReads(payments: PaymentsPort): RequestHandler {
  // With tracing off (the usual case) a read makes no span attributes: one branch, as procedureCall.
  const read = (appTransId: string) =>
    tracingOn()
      ? inSpan(
          `trpc ${PROCEDURE}`,
          procedureSpanAttributes(PROCEDURE, 'query', { appTransId }),
          () => payments.getStatus(appTransId),
        )
      : payments.getStatus(appTransId);
  return (req, res, next) => {
    const reads = statusReads(req);
    if (!reads) return next();
    Promise.all(reads.appTransIds.map(read)).then(
      (views) => {
        // An unknown order: the adapter runs the call again and answers NOT_FOUND as tRPC does.
        if (views.some((view) => !view)) return next();
        const results = views.map((view) => ({ result: { data: superjson.serialize(view) } }));
        const body = Buffer.from(JSON.stringify(reads.batched ? results : results[0]));
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Content-Length', body.length);
        res.setHeader('Vary', 'trpc-accept, accept');
        res.end(body);
      },
      () => next(),
    );
  };
}
