// The one initTRPC of the app: superjson for Dates, validation errors flattened to
// { formErrors, fieldErrors } so the client can name the bad field, and unexpected errors answered with
// a generic message and the request id (the statement, its parameters and the cause go to the log only).
import { initTRPC, StandardSchemaV1Error, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { DATABASE_INPUT_MESSAGE, isDatabaseInputError } from '../../db/database-input-error';
import { isDatabaseConnectionError } from '../../db/connection-errors';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  internalErrorMessage,
} from '../api-errors/error-reply';
import { currentRequestId } from '../observability/request-context';
import type { Context } from './context';
import { inSpan, ORDER_ATTRIBUTES, tracingOn } from '../telemetry/spans';

type Issue = StandardSchemaV1Error['issues'][number];

/**
 * A bad input arrives as a ZodError (tRPC calls zod's parseAsync); the domain's field errors are
 * raised as a StandardSchemaV1Error (payment-procedure.ts). Both carry `issues` with a path and a message.
 */
function flattenIssues(issues: readonly Issue[]) {
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const head = issue.path?.[0];
    const field = typeof head === 'object' ? head.key : head;
    if (field === undefined) formErrors.push(issue.message);
    else (fieldErrors[String(field)] ??= []).push(issue.message);
  }
  return { formErrors, fieldErrors };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const requestId = currentRequestId();
    const unexpected = error.code === 'INTERNAL_SERVER_ERROR';
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: unexpected ? internalErrorMessage(requestId) : shape.message,
      data: {
        ...data,
        ...(requestId ? { requestId } : {}),
        // The client retries these quietly (client/query-client.ts); the HTTP answer has Retry-After.
        ...(isDatabaseOutage(error) ? { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS } : {}),
        zodError:
          cause instanceof ZodError || cause instanceof StandardSchemaV1Error
            ? flattenIssues(cause.issues)
            : null,
      },
    };
  },
});

/** A lost database connection, already answered as SERVICE_UNAVAILABLE (below). */
export function isDatabaseOutage(error: TRPCError): boolean {
  return error.code === 'SERVICE_UNAVAILABLE' && isDatabaseConnectionError(error.cause);
}

/** A database restart or failover is passing: 503 with Retry-After, not a generic 500. */
const databaseOutageIsUnavailable = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDatabaseConnectionError(result.error)) {
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: DATABASE_UNAVAILABLE_MESSAGE,
      cause: result.error,
    });
  }
  return result;
});

/** A value the database refuses (a NUL byte, a number out of range) is the caller's mistake: 400, not 500. */
const databaseInputIsBadRequest = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDatabaseInputError(result.error)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: DATABASE_INPUT_MESSAGE,
      cause: result.error,
    });
  }
  return result;
});

/** With tracing on, a span per procedure call, carrying the order it names (docs/decisions/023). */
const tracedProcedure = t.middleware(async ({ next, path, type, getRawInput }) => {
  if (!tracingOn()) return next();
  const input = (await getRawInput().catch(() => undefined)) as
    { appTransId?: unknown; orderId?: unknown } | undefined;
  const attributes: Record<string, string> = {
    'rpc.system': 'trpc',
    'rpc.method': path,
    'trpc.type': type,
  };
  if (typeof input?.appTransId === 'string')
    attributes[ORDER_ATTRIBUTES.appTransId] = input.appTransId;
  if (typeof input?.orderId === 'string')
    attributes[ORDER_ATTRIBUTES.orderReference] = input.orderId;
  return inSpan(`trpc ${path}`, attributes, async (span) => {
    const result = await next();
    if (!result.ok) span?.setAttribute('trpc.error_code', result.error.code);
    return result;
  });
});

export const router = t.router;
export const middleware = t.middleware;
export const publicProcedure = t.procedure
  .use(tracedProcedure)
  .use(databaseInputIsBadRequest)
  .use(databaseOutageIsUnavailable);
