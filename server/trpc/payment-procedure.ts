// The procedure every payment call goes through: the domain's typed errors (server/payments/errors.ts)
// become tRPC errors by the one mapper of server/api-errors/error-reply.ts: a bad field BAD_REQUEST shaped like
// an input validation error, an unknown order NOT_FOUND, an order already paid or cancelled CONFLICT,
// ZaloPay not answering SERVICE_UNAVAILABLE.
import { PaymentsError } from '../payments/errors';
import { paymentsTrpcError } from '../api-errors/error-reply';
import { publicProcedure } from './init';

export const paymentProcedure = publicProcedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof PaymentsError) {
    throw paymentsTrpcError(result.error.cause);
  }
  return result;
});
