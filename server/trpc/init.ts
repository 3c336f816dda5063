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
  paymentsTrpcError,
} from '../api-errors/error-reply';
import { currentRequestId } from '../observability/request-context';
import { PaymentsError } from '../payments/errors';
import type { Context } from './context';
import { inSpan, ORDER_ATTRIBUTES, tracingOn } from '../telemetry/spans';

type Issue = StandardSchemaV1Error['issues'][number];

/**
 * A bad input arrives as a ZodError (tRPC calls zod's parseAsync); the domain's field errors are
 * raised as a StandardSchemaV1Error (error-reply.ts's mapper, below). Both carry `issues` with a path and a message.
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

/**
 * What a failed call answers, when its error is not the server's fault: the domain's typed errors
 * (server/payments/errors.ts) by the one mapper of server/api-errors/error-reply.ts (a bad field
 * BAD_REQUEST shaped like an input validation error, an unknown order NOT_FOUND, an order already paid
 * or cancelled CONFLICT, ZaloPay not answering SERVICE_UNAVAILABLE); a database restart or failover
 * passing, 503 with Retry-After; a value the database refuses (a NUL byte, a number out of range),
 * the caller's mistake, 400. Anything else stays as it is: a generic 500.
 */
function answerFor(error: TRPCError): TRPCError {
  if (error.cause instanceof PaymentsError) return paymentsTrpcError(error.cause);
  if (isDatabaseConnectionError(error)) {
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: DATABASE_UNAVAILABLE_MESSAGE,
      cause: error,
    });
  }
  if (isDatabaseInputError(error)) {
    return new TRPCError({ code: 'BAD_REQUEST', message: DATABASE_INPUT_MESSAGE, cause: error });
  }
  return error;
}

/**
 * A procedure call's span attributes: the procedure, and the order its input names (docs/decisions/023).
 * The status reads in front of tRPC's adapter (server/http/trpc-status-reads.ts) give theirs the same.
 */
export function procedureSpanAttributes(
  path: string,
  type: string,
  input: unknown,
): Record<string, string> {
  const named = input as { appTransId?: unknown; orderId?: unknown } | undefined;
  const attributes: Record<string, string> = {
    'rpc.system': 'trpc',
    'rpc.method': path,
    'trpc.type': type,
  };
  if (typeof named?.appTransId === 'string')
    attributes[ORDER_ATTRIBUTES.appTransId] = named.appTransId;
  if (typeof named?.orderId === 'string')
    attributes[ORDER_ATTRIBUTES.orderReference] = named.orderId;
  return attributes;
}

/**
 * Every procedure call goes through this one step of tRPC's middleware chain (each step costs every call
 * microseconds: docs/benchmarks.md): its failure answered as above and, with tracing on, its span.
 */
const procedureCall = t.middleware(async function procedureCall({ next, path, type, getRawInput }) {
  if (!tracingOn()) {
    const result = await next();
    if (!result.ok) throw answerFor(result.error);
    return result;
  }
  const input = await getRawInput().catch(() => undefined);
  const attributes = procedureSpanAttributes(path, type, input);
  return inSpan(`trpc ${path}`, attributes, async (span) => {
    const result = await next();
    if (result.ok) return result;
    const answer = answerFor(result.error);
    span?.setAttribute('trpc.error_code', answer.code);
    throw answer;
  });
});

export const router = t.router;
export const middleware = t.middleware;
export const publicProcedure = t.procedure.use(procedureCall);
