// The rules of the shop's profile, for the /ops Shop page and the merchant API alike: a name, a tagline
// in each language, how shoppers reach support, ZaloPay's order description (with `{ref}`), the brand
// colour. Fields are named as the API spells them.
import { z } from 'zod';
import { BRAND_COLOUR_PATTERN } from './brand-colour';

export const ORDER_REFERENCE_SLOT = '{ref}';
/** The seeded template (migration 0007), if the profile's row were ever missing. */
export const DEFAULT_ORDER_DESCRIPTION = 'Đơn hàng {ref}';
/** ZaloPay's `description` is at most 256 characters; a reference is 10. */
const MAX_ORDER_DESCRIPTION = 200;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const noControl = (value: string) => !CONTROL.test(value);

const line = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `is at most ${max} characters`)
    .refine(noControl, 'may not contain control characters');

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable());

export const shopProfileSchema = z.strictObject({
  name: line(80).pipe(z.string().min(1, 'is required')),
  tagline_vi: line(120),
  tagline_en: line(120),
  support_phone: optional(
    z
      .string({ error: 'must be text' })
      .trim()
      .regex(/^\+?[0-9][0-9 .()-]{5,19}$/, 'must be a phone number (digits, spaces, + . ( ) -)'),
  ),
  support_email: optional(
    z.string({ error: 'must be text' }).trim().max(120).pipe(z.email('must be an email address')),
  ),
  brand_color: z
    .string({ error: 'must be text' })
    .trim()
    .toLowerCase()
    .regex(BRAND_COLOUR_PATTERN, 'must be a colour like #0050c8'),
  order_description: line(MAX_ORDER_DESCRIPTION)
    .pipe(z.string().min(1, 'is required'))
    .refine(
      (value) => value.includes(ORDER_REFERENCE_SLOT),
      `must contain ${ORDER_REFERENCE_SLOT}, where the order's reference goes`,
    ),
});

export const shopProfilePatchSchema = shopProfileSchema.partial();

export type ShopProfileInput = z.output<typeof shopProfileSchema>;
export type ShopProfilePatch = z.output<typeof shopProfilePatchSchema>;

/** ZaloPay's description of one order: the template with its reference. */
export function describeOrder(template: string, reference: string): string {
  return template.split(ORDER_REFERENCE_SLOT).join(reference);
}
