// The app's tRPC API: thin procedures, zod in, one call to the payments port, a view out.
// The browser never sends a price: it names products and quantities, and pays an order by its reference.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { orderIdSchema, orderLinesSchema } from '../payments/merchant-orders/order-input';
import { appTransIdSchema as appTransId } from '../payments/attempts/pay-request-schemas';
import { recordsEachRedirectOnce, spendsCreateBudget, spendsOrderBudget } from './call-limits';
import { publicProcedure, router } from './init';

/** The redirect's query string as the browser received it; bounded so it cannot be used to flood the ledger. */
const redirectQuery = z
  .record(z.string().max(32), z.string().max(256))
  .refine((q) => Object.keys(q).length <= 16, 'at most 16 parameters');

/**
 * getStatus's input, also parsed by the status reads answered in front of tRPC's adapter
 * (server/http/trpc-status-reads.ts), which run this procedure's work without tRPC's middleware chain.
 */
export const statusInput = z.object({ appTransId });

export const appRouter = router({
  listProducts: publicProcedure.query(async ({ ctx }) => ({
    products: await ctx.payments.listProducts(),
  })),

  createOrder: publicProcedure
    .input(z.object({ lines: orderLinesSchema }))
    .use(spendsOrderBudget)
    .mutation(({ ctx, input }) => ctx.payments.createOrder(input.lines)),

  getOrder: publicProcedure
    .input(z.object({ orderId: orderIdSchema }))
    .query(async ({ ctx, input }) => {
      const order = await ctx.payments.getOrder(input.orderId);
      if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such order' });
      return order;
    }),

  createPayment: publicProcedure
    .input(z.object({ orderId: orderIdSchema }))
    .use(spendsCreateBudget)
    .mutation(({ ctx, input }) => ctx.payments.payOrder(input.orderId)),

  getStatus: publicProcedure.input(statusInput).query(async ({ ctx, input }) => {
    const view = await ctx.payments.getStatus(input.appTransId);
    if (!view) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such order' });
    return view;
  }),

  reportRedirect: publicProcedure
    .input(z.object({ query: redirectQuery }))
    .use(recordsEachRedirectOnce)
    .mutation(({ ctx, input }) => ctx.payments.reportRedirect(input.query)),

  onStatusChange: publicProcedure.input(z.object({ appTransId })).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const abort = signal ?? new AbortController().signal;
    yield* ctx.payments.watch(input.appTransId, abort);
  }),
});

export type AppRouter = typeof appRouter;
