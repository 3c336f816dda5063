// The procedure every payment call goes through: it turns the domain's typed errors into tRPC errors.
// A bad field becomes BAD_REQUEST shaped like an input validation error, so the client names the field.
import { StandardSchemaV1Error, TRPCError } from '@trpc/server';
import { GatewayUnavailableError, InvalidPaymentInputError } from '../payments/errors';
import { publicProcedure } from './init';

export const paymentProcedure = publicProcedure.use(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof InvalidPaymentInputError) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: cause.message,
      cause: new StandardSchemaV1Error([{ message: cause.message, path: [cause.field] }]),
    });
  }
  if (cause instanceof GatewayUnavailableError) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: cause.message, cause });
  }
  return result;
});
