// The limits of docs/security.md as tRPC middlewares, on the procedures that spend them: creating
// (createPayment: each stores an attempt and costs a signed call to ZaloPay; createOrder: each stores a
// merchant order, on a budget of its own) and
// reporting a redirect (each new one appends to the ledger). A spent budget is TOO_MANY_REQUESTS
// (HTTP 429) for that call only: the other calls of a batch still answer.
import { TRPCError } from '@trpc/server';
import { CREATE_RATE_LIMIT_MESSAGE, ORDER_RATE_LIMIT_MESSAGE } from '../security/create-rate-limit';
import { OVER_LIMIT, REDIRECT_REPORT_LIMIT_MESSAGE } from '../security/redirect-report-limit';
import { middleware } from './init';

/** One create of the client's CREATE_RATE_LIMIT_PER_MINUTE, shared with the REST routes. */
export const spendsCreateBudget = middleware(async ({ ctx, next }) => {
  if (!(await ctx.limits.creates.spend(ctx.clientIp()))) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: CREATE_RATE_LIMIT_MESSAGE });
  }
  return next();
});

/** One new merchant order of the client's ORDER_RATE_LIMIT_PER_MINUTE, shared with POST /api/orders. */
export const spendsOrderBudget = middleware(async ({ ctx, next }) => {
  if (!(await ctx.limits.orders.spend(ctx.clientIp()))) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: ORDER_RATE_LIMIT_MESSAGE });
  }
  return next();
});

/**
 * The same redirect is recorded once and its answer reused; a different one spends the client's
 * REDIRECT_REPORTS_PER_MINUTE. Put after the input: it keys on the parsed query.
 */
export const recordsEachRedirectOnce = middleware(async ({ ctx, input, next }) => {
  const { query } = input as { query: Record<string, string> };
  const answer = await ctx.limits.redirectReports.once(query, ctx.clientIp, async () => {
    const result = await next();
    // A failed report is not remembered: throwing lets the limit forget it, and tRPC answers the error.
    if (!result.ok) throw result.error;
    return result;
  });
  if (answer === OVER_LIMIT) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: REDIRECT_REPORT_LIMIT_MESSAGE });
  }
  return answer;
});
