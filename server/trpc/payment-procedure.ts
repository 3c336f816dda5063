// The procedure every payment call goes through: it turns the domain's typed errors into tRPC errors.
// A bad field becomes BAD_REQUEST shaped like an input validation error, so the client names the field;
// an unknown order NOT_FOUND, an order already paid or cancelled CONFLICT.
import { StandardSchemaV1Error, TRPCError } from '@trpc/server';
import {
  GatewayUnavailableError,
  InvalidOrderError,
  InvalidPaymentInputError,
  OrderNotFoundError,
  OrderNotPayableError,
} from '../payments/errors';
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
  if (cause instanceof InvalidOrderError) {
    // `lines[1].sku` is reported under `lines`, with the line in the message.
    const message = `${cause.field}: ${cause.message}`;
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message,
      cause: new StandardSchemaV1Error([
        { message, path: [cause.field.split(/[[.]/)[0] ?? 'lines'] },
      ]),
    });
  }
  if (cause instanceof OrderNotFoundError) {
    throw new TRPCError({ code: 'NOT_FOUND', message: cause.message, cause });
  }
  if (cause instanceof OrderNotPayableError) {
    throw new TRPCError({ code: 'CONFLICT', message: cause.message, cause });
  }
  if (cause instanceof GatewayUnavailableError) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: cause.message, cause });
  }
  return result;
});
