// The one initTRPC of the app: superjson for Dates, and validation errors flattened to
// { formErrors, fieldErrors } so the client can name the bad field.
import { initTRPC, StandardSchemaV1Error } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Context } from './context';

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
    return {
      ...shape,
      data: {
        ...shape.data,
        stack: undefined,
        zodError:
          cause instanceof ZodError || cause instanceof StandardSchemaV1Error
            ? flattenIssues(cause.issues)
            : null,
      },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
