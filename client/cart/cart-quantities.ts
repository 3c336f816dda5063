// The shopper's cart before it becomes an order: how many of each sku, and nothing else. Prices come from
// the server's catalogue; what is sent to the server names skus and quantities, never an amount.
import type { OrderLineRequest, ProductView } from '../../server/payments/status/order-view';

export const MAX_QUANTITY = 99;

export type CartQuantities = Readonly<Record<string, number>>;

/** A whole number from 0 to MAX_QUANTITY, whatever was typed. */
export function clampQuantity(quantity: number): number {
  if (!Number.isFinite(quantity)) return 0;
  return Math.min(MAX_QUANTITY, Math.max(0, Math.trunc(quantity)));
}

export function quantityOf(quantities: CartQuantities, sku: string): number {
  return quantities[sku] ?? 0;
}

/** The lines to order, in the catalogue's order: products still sold, with at least one in the cart. */
export function orderLines(
  products: readonly ProductView[],
  quantities: CartQuantities,
): OrderLineRequest[] {
  return products
    .map((product) => ({ sku: product.sku, quantity: quantityOf(quantities, product.sku) }))
    .filter((line) => line.quantity > 0);
}

/** What the cart costs at the catalogue's prices: shown before ordering; the server prices the order. */
export function cartSubtotal(products: readonly ProductView[], quantities: CartQuantities): number {
  return products.reduce(
    (sum, product) => sum + product.unitPrice * quantityOf(quantities, product.sku),
    0,
  );
}
