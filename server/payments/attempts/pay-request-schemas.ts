// The rules for what a caller may send to pay, in one place: the REST routes parse their bodies with
// these schemas and the domain checks its input with them (one-off-payment.ts). Merchant orders' carts
// and references are in order-input.ts beside them.
import { z } from 'zod';
import { APP_TRANS_ID_MAX_CHARS } from '../../zalopay';
import { InvalidPaymentInputError } from '../errors';
import { fieldName } from '../merchant-orders/order-input';
import type { OrderSettings } from '../payments-config';

/** ZaloPay's `description` is at most 256 characters (docs/zalopay-protocol.md §3.1). */
export const MAX_DESCRIPTION_CHARS = 256;

const noNul = (text: string) => !text.includes('\u0000');

/** An amount of VND: a whole number (VND has no minor unit) above 0. */
export const amountSchema = z
  .number('must be a number')
  .int('must be a whole number of VND')
  .positive('must be positive');

/** The shop's bounds on top (ORDER_MIN_AMOUNT to ORDER_MAX_AMOUNT, inclusive). */
export function amountWithin({
  minAmount,
  maxAmount,
}: Pick<OrderSettings, 'minAmount' | 'maxAmount'>) {
  const message = `must be between ${minAmount} and ${maxAmount} VND`;
  return amountSchema.min(minAmount, message).max(maxAmount, message);
}

/** What ZaloPay shows the shopper (the guide's `order_info`): 1 to 256 characters once trimmed. */
export const descriptionSchema = z
  .string('is required')
  .trim()
  .min(1, 'is required')
  .max(MAX_DESCRIPTION_CHARS, `is at most ${MAX_DESCRIPTION_CHARS} characters`)
  .refine(noNul, 'must not contain NUL characters');

/** yymmdd_<reference>_<attempt>: letters, digits, `_` and `-` only. */
const APP_TRANS_ID_CHARACTERS = /^[\w-]+$/;

/** An attempt's id as tRPC takes it (getStatus, onStatusChange). */
export const appTransIdSchema = z
  .string()
  .trim()
  .min(1, 'appTransId is required')
  .max(APP_TRANS_ID_MAX_CHARS, `appTransId is at most ${APP_TRANS_ID_MAX_CHARS} characters`)
  .regex(APP_TRANS_ID_CHARACTERS, 'appTransId has characters an app_trans_id never has');

/**
 * An attempt's id in a REST path: characters an app_trans_id never has (a NUL, a quote) are a bad
 * request; a long one is simply not ours (`isOurLength`: else 404).
 */
export const appTransIdParamSchema = z
  .string()
  .regex(APP_TRANS_ID_CHARACTERS, 'app_trans_id has characters an app_trans_id never has');
export const isOurLength = (appTransId: string) => appTransId.length <= APP_TRANS_ID_MAX_CHARS;

/** A one-off payment as the domain takes it (payments-port.ts `payOneOff`), bounds included. */
export function oneOffPaymentSchema(bounds: Pick<OrderSettings, 'minAmount' | 'maxAmount'>) {
  return z.object({
    amount: amountWithin(bounds),
    description: descriptionSchema,
    idempotencyKey: z.string().optional(),
  });
}

/**
 * `schema.parse` for a caller's input, failing with InvalidPaymentInputError naming the first bad field
 * as a developer writes it (`lines[1].quantity`), or `fallbackField` when the whole input is wrong.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  fallbackField = 'body',
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? fieldName(issue.path) : fallbackField;
  throw new InvalidPaymentInputError(field, issue?.message ?? 'is invalid');
}
