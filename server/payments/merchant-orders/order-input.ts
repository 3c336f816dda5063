// The shape of what a browser may send about a merchant order, shared by tRPC and REST: a cart is skus and
// quantities (never a price), an order is named by its reference. The catalogue checks the skus themselves.
import { z } from 'zod';

export const MAX_QUANTITY = 99;
export const MAX_ORDER_LINES = 50;

/** A reference as URLs and app_trans_id carry it (new ones: 10 characters; migrated ones: an app_trans_id). */
export const orderIdSchema = z
  .string()
  .trim()
  .min(1, 'orderId is required')
  .max(40, 'orderId is at most 40 characters')
  .regex(/^[\w-]+$/, 'orderId has characters an order reference never has');

const lineSchema = z.object({
  sku: z
    .string()
    .trim()
    .min(1, 'sku is required')
    .max(64, 'sku is at most 64 characters')
    .regex(/^[\w.-]+$/, 'sku has characters a sku never has'),
  quantity: z
    .number('quantity must be a number')
    .int('quantity must be a whole number')
    .min(1, `quantity must be 1 to ${MAX_QUANTITY}`)
    .max(MAX_QUANTITY, `quantity must be 1 to ${MAX_QUANTITY}`),
});

export const orderLinesSchema = z
  .array(lineSchema, 'lines must be a list of { sku, quantity }')
  .min(1, 'the cart is empty: add at least one product')
  .max(MAX_ORDER_LINES, `at most ${MAX_ORDER_LINES} lines`)
  .superRefine((lines, context) => {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.sku)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'sku'],
          message: `${line.sku} appears on two lines: give one line a larger quantity`,
        });
      }
      seen.add(line.sku);
    });
  });

/** `lines[1].quantity` from zod's path ['lines', 1, 'quantity']: the name a shopper's developer can find. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name ? `${name}.${String(key)}` : String(key);
  }, '');
}
