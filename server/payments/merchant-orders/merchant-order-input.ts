// What a merchant's server may send to make an order (POST /api/v1/orders): catalogue lines and free lines
// it prices itself, its own reference and metadata, where the shopper goes back to, and when the order
// expires. One schema validates the request and generates the OpenAPI document (server/merchant-api).
import { z } from 'zod';
import { fieldName, MAX_ORDER_LINES, MAX_QUANTITY } from './order-input';
import { descriptionSchema } from '../attempts/pay-request-schemas';
import { InvalidOrderError } from '../errors';

export const MERCHANT_LIMITS = {
  lines: MAX_ORDER_LINES,
  quantity: MAX_QUANTITY,
  nameChars: 200,
  referenceChars: 64,
  metadataKeys: 20,
  metadataKeyChars: 40,
  metadataValueChars: 500,
  urlChars: 2048,
  minExpiresInSeconds: 300,
  maxExpiresInSeconds: 86_400,
} as const;

/** Without expires_in_seconds an order takes payments for a day, as a Stripe Checkout Session does. */
export const DEFAULT_EXPIRES_IN_SECONDS = 86_400;

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;

const quantitySchema = z
  .number('must be a number')
  .int('must be a whole number')
  .min(1, `must be 1 to ${MAX_QUANTITY}`)
  .max(MAX_QUANTITY, `must be 1 to ${MAX_QUANTITY}`)
  .meta({ example: 1 });

const catalogueLineSchema = z
  .strictObject({
    sku: z
      .string('must be a string')
      .trim()
      .min(1, 'is required')
      .max(64, 'is at most 64 characters')
      .regex(/^[\w.-]+$/, 'has characters a sku never has')
      .meta({ example: 'ao-thun' }),
    quantity: quantitySchema,
  })
  .meta({
    title: 'CatalogueLine',
    description: "A product of the shop's catalogue, at its price.",
  });

const freeLineSchema = z
  .strictObject({
    name: z
      .string('must be a string')
      .trim()
      .min(1, 'is required')
      .max(MERCHANT_LIMITS.nameChars, `is at most ${MERCHANT_LIMITS.nameChars} characters`)
      .regex(PRINTABLE, 'must not contain control characters')
      .meta({ example: 'Hoodie, size M' }),
    unit_price: z
      .number('must be a number')
      .int('must be a whole number of VND')
      .positive('must be positive')
      .meta({ example: 250_000 }),
    quantity: quantitySchema,
  })
  .meta({
    title: 'FreeLine',
    description: "A line priced by the merchant's server, in whole VND.",
  });

const merchantLineSchema = z.union([catalogueLineSchema, freeLineSchema]);
export type MerchantLine = z.output<typeof merchantLineSchema>;

const metadataSchema = z
  .record(
    z
      .string()
      .min(1, 'a metadata key is 1 or more characters')
      .max(MERCHANT_LIMITS.metadataKeyChars, 'a metadata key is at most 40 characters')
      .regex(/^[\w.-]+$/, 'a metadata key is letters, digits, _ . and - only'),
    z
      .string('must be a string')
      .max(MERCHANT_LIMITS.metadataValueChars, 'is at most 500 characters')
      .regex(PRINTABLE, 'must not contain control characters'),
  )
  .refine((value) => Object.keys(value).length <= MERCHANT_LIMITS.metadataKeys, {
    message: `at most ${MERCHANT_LIMITS.metadataKeys} keys`,
  })
  .meta({ example: { customer_id: '8812' }, maxProperties: MERCHANT_LIMITS.metadataKeys });

/** An absolute http(s) URL with no user name or password in it. */
const urlSchema = z
  .url({ protocol: /^https?$/, message: 'must be an absolute http or https URL' })
  .max(MERCHANT_LIMITS.urlChars, `is at most ${MERCHANT_LIMITS.urlChars} characters`)
  .refine((url) => {
    const parsed = URL.parse(url);
    return parsed !== null && parsed.username === '' && parsed.password === '';
  }, 'must not carry a user name or password');

/**
 * The request body. `returnOrigins` are the origins return_url and cancel_url may go to
 * (MERCHANT_RETURN_ORIGINS): any other is refused, so the checkout is never an open redirect.
 */
export function merchantOrderSchema(returnOrigins: readonly string[]) {
  const allowed = new Set(returnOrigins);
  const returnUrl = urlSchema.refine(
    (url) => allowed.has(URL.parse(url)?.origin ?? ''),
    allowed.size === 0
      ? 'no return origin is allowed (MERCHANT_RETURN_ORIGINS is empty)'
      : 'its origin is not one of MERCHANT_RETURN_ORIGINS',
  );
  return z
    .strictObject(
      {
        lines: z
          .array(merchantLineSchema, 'must be a list of lines')
          .min(1, 'must have at least one line')
          .max(MAX_ORDER_LINES, `at most ${MAX_ORDER_LINES} lines`)
          .superRefine(noSkuTwice),
        merchant_reference: z
          .string('must be a string')
          .trim()
          .min(1, 'is 1 or more characters')
          .max(MERCHANT_LIMITS.referenceChars, 'is at most 64 characters')
          .regex(PRINTABLE, 'must not contain control characters')
          .optional()
          .meta({ example: 'WC-10023' }),
        metadata: metadataSchema.optional(),
        return_url: returnUrl.optional().meta({
          example: 'https://shop.example/thanks',
          description:
            'Where "Return to <shop>" goes once paid, with ?order_id=<order_id> added; its origin must be in MERCHANT_RETURN_ORIGINS',
        }),
        cancel_url: returnUrl.optional().meta({
          example: 'https://shop.example/cart',
          description:
            'Where "Cancel and return" goes while unpaid; its origin must be in MERCHANT_RETURN_ORIGINS',
        }),
        expires_in_seconds: z
          .number('must be a number')
          .int('must be a whole number')
          .min(MERCHANT_LIMITS.minExpiresInSeconds, 'must be 300 to 86400')
          .max(MERCHANT_LIMITS.maxExpiresInSeconds, 'must be 300 to 86400')
          .optional()
          .meta({ example: 900 }),
        description: descriptionSchema.optional().meta({ example: 'Đơn hàng WC-10023' }),
      },
      'the body must be a JSON object',
    )
    .meta({ title: 'CreateOrderRequest' });
}

export type MerchantOrderRequest = z.output<ReturnType<typeof merchantOrderSchema>>;

function noSkuTwice(lines: readonly MerchantLine[], context: z.RefinementCtx) {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (!('sku' in line)) return;
    if (seen.has(line.sku)) {
      context.addIssue({
        code: 'custom',
        path: [index, 'sku'],
        message: `${line.sku} appears on two lines: give one line a larger quantity`,
      });
    }
    seen.add(line.sku);
  });
}

type Issue = z.core.$ZodIssue;

/**
 * The issue to report, naming the deepest field: a line that fits neither shape reports the shape it
 * meant (a `sku` means a catalogue line), and an unknown key is named itself (`lines[0].amount`).
 */
function reportedIssue(issue: Issue): { path: PropertyKey[]; message: string } {
  if (issue.code === 'invalid_union' && issue.errors.length === 2) {
    const [catalogue = [], free = []] = issue.errors;
    const meantCatalogue = free.some(
      (i) => i.code === 'unrecognized_keys' && i.path.length === 0 && i.keys.includes('sku'),
    );
    const chosen = (meantCatalogue ? catalogue : free)[0];
    if (chosen) {
      const inner = reportedIssue(chosen);
      return { path: [...issue.path, ...inner.path], message: inner.message };
    }
  }
  if (issue.code === 'invalid_key' && issue.issues[0]) {
    return { path: issue.path, message: issue.issues[0].message };
  }
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    return { path: [...issue.path, issue.keys[0]], message: 'is not a field of this object' };
  }
  return { path: issue.path, message: issue.message };
}

/** Parses the body or throws InvalidOrderError naming the first bad field as the body spells it. */
export function parseMerchantOrder(
  schema: ReturnType<typeof merchantOrderSchema>,
  body: unknown,
): MerchantOrderRequest {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw new InvalidOrderError('body', 'is invalid');
  const { path, message } = reportedIssue(issue);
  throw new InvalidOrderError(path.length > 0 ? fieldName(path) : 'body', message);
}
