// The demo shop's cart: a few Vietnamese café items priced in whole VND. A real shop would load its cart
// from its own server and let the server compute the amount; the demo keeps it fixed and visible.
import type { Messages } from '../i18n/en';

export interface CartLine {
  item: keyof Messages['cartItems'];
  unitPrice: number;
  quantity: number;
}

export const DEMO_CART: readonly CartLine[] = [
  { item: 'icedMilkCoffee', unitPrice: 35_000, quantity: 2 },
  { item: 'banhMi', unitPrice: 30_000, quantity: 1 },
  { item: 'flan', unitPrice: 25_000, quantity: 1 },
];

export function cartTotal(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
}
