// The one set of rules for a product, used by the /ops form, the CSV import and the merchant API alike:
// what a sku looks like, names and descriptions in both languages, a price in whole VND within
// ORDER_MAX_AMOUNT, a position. Fields are named as the CSV header and the API spell them.
import { z } from 'zod';
import { PRODUCT_PRICE_CEILING } from '../../db/schema';
import type { CatalogueError } from './catalogue-errors';
import { invalidInput } from './catalogue-errors';

export const SKU_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const MAX_NAME = 80;
export const MAX_DESCRIPTION = 200;
export const MAX_POSITION = 100_000;

/** A C0 control character, DEL or a C1 control: never part of a name a shopper reads. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'is required')
    .max(max, `is at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), 'may not contain control characters');

/** An optional text: empty, null or (in a new product) absent means none. */
const optionalText = (max: number) =>
  z.preprocess((value) => (value === '' ? null : value), text(max).nullable());

/** A whole number, from JSON or from a form or CSV's digits. */
const wholeNumber = (rule: z.ZodNumber) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    rule,
  );

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
};

export function productFields(maxAmount: number) {
  const ceiling = Math.min(maxAmount, PRODUCT_PRICE_CEILING);
  return {
    sku: z
      .string({ error: 'is required' })
      .trim()
      .regex(
        SKU_PATTERN,
        'must be 1 to 40 lowercase letters, digits or hyphens, not starting or ending with a hyphen',
      ),
    name_vi: text(MAX_NAME),
    name_en: text(MAX_NAME),
    unit_price: wholeNumber(
      z
        .number({ error: 'must be a whole number of VND' })
        .int('must be a whole number of VND')
        .positive('must be above 0')
        .max(ceiling, `must be at most ${ceiling} VND (ORDER_MAX_AMOUNT)`),
    ),
    active: z.preprocess(
      (value) =>
        typeof value === 'string' ? (BOOLEAN_WORDS[value.trim().toLowerCase()] ?? value) : value,
      z.boolean({ error: 'must be true or false' }),
    ),
    description_vi: optionalText(MAX_DESCRIPTION),
    description_en: optionalText(MAX_DESCRIPTION),
    position: wholeNumber(
      z
        .number({ error: 'must be a whole number' })
        .int('must be a whole number')
        .min(0, 'must be 0 or more')
        .max(MAX_POSITION, `must be at most ${MAX_POSITION}`),
    ),
  };
}

export function newProductSchema(maxAmount: number) {
  const fields = productFields(maxAmount);
  return z.strictObject({
    ...fields,
    active: fields.active.default(true),
    description_vi: fields.description_vi.optional().transform((value) => value ?? null),
    description_en: fields.description_en.optional().transform((value) => value ?? null),
    position: fields.position.optional(),
  });
}

export function productPatchSchema(maxAmount: number) {
  const { sku: _sku, ...fields } = productFields(maxAmount);
  return z.strictObject({
    name_vi: fields.name_vi.optional(),
    name_en: fields.name_en.optional(),
    unit_price: fields.unit_price.optional(),
    active: fields.active.optional(),
    description_vi: fields.description_vi.optional(),
    description_en: fields.description_en.optional(),
    position: fields.position.optional(),
  });
}

export type NewProductInput = z.output<ReturnType<typeof newProductSchema>>;
export type ProductPatch = z.output<ReturnType<typeof productPatchSchema>>;

/** The first problem zod found, as our error naming its field (`unit_price: must be above 0`). */
export function firstProblem(error: z.ZodError): CatalogueError {
  const issue = error.issues[0];
  if (!issue) return invalidInput('', 'is invalid');
  if (issue.code === 'unrecognized_keys') {
    return invalidInput(issue.keys[0] ?? '', 'is not a field of a product');
  }
  const field = issue.path.map(String).join('.');
  return invalidInput(field || 'body', field ? issue.message : 'must be a JSON object of fields');
}

/** Parses with a schema, throwing the first problem as a CatalogueError. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data;
}
