// The app's tRPC API: thin procedures, zod in, one call to the payments port, a PaymentView out.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { router } from './init';
import { paymentProcedure } from './payment-procedure';

const appTransId = z
  .string()
  .trim()
  .min(1, 'appTransId is required')
  .max(40, 'appTransId is at most 40 characters');

export const createPaymentInput = z.object({
  amount: z
    .number()
    .int('amount must be a whole number of VND')
    .positive('amount must be positive'),
  description: z
    .string()
    .trim()
    .min(1, 'description is required')
    .max(256, 'description is at most 256 characters'),
  idempotencyKey: z.uuid().optional(),
});

/** The redirect's query string as the browser received it; bounded so it cannot be used to flood the ledger. */
const redirectQuery = z
  .record(z.string().max(32), z.string().max(256))
  .refine((q) => Object.keys(q).length <= 16, 'at most 16 parameters');

export const appRouter = router({
  createPayment: paymentProcedure
    .input(createPaymentInput)
    .mutation(({ ctx, input }) => ctx.payments.create(input)),

  getStatus: paymentProcedure.input(z.object({ appTransId })).query(async ({ ctx, input }) => {
    const view = await ctx.payments.getStatus(input.appTransId);
    if (!view) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such order' });
    return view;
  }),

  reportRedirect: paymentProcedure
    .input(z.object({ query: redirectQuery }))
    .mutation(({ ctx, input }) => ctx.payments.reportRedirect(input.query)),

  onStatusChange: paymentProcedure.input(z.object({ appTransId })).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const abort = signal ?? new AbortController().signal;
    yield* ctx.payments.watch(input.appTransId, abort);
  }),
});

export type AppRouter = typeof appRouter;
