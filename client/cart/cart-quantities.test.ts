import { describe, expect, it } from 'vitest';
import type { ProductView } from '../../server/payments/order-view';
import { cartSubtotal, clampQuantity, DEFAULT_QUANTITIES, orderLines } from './cart-quantities';

const PRODUCTS: ProductView[] = [
  {
    sku: 'ca-phe-sua-da',
    name: { vi: 'Cà phê sữa đá', en: 'Iced milk coffee' },
    unitPrice: 35_000,
    description: null,
    imageUrl: null,
  },
  {
    sku: 'banh-mi',
    name: { vi: 'Bánh mì', en: 'Bánh mì' },
    unitPrice: 30_000,
    description: null,
    imageUrl: null,
  },
  {
    sku: 'banh-flan',
    name: { vi: 'Bánh flan', en: 'Crème caramel' },
    unitPrice: 25_000,
    description: null,
    imageUrl: null,
  },
];

describe('cart quantities', () => {
  it('prices the demo cart at the catalogue prices: 125,000 VND', () => {
    expect(cartSubtotal(PRODUCTS, DEFAULT_QUANTITIES)).toBe(125_000);
  });

  it('orders only the lines with a quantity, in catalogue order, and never an unknown sku', () => {
    expect(orderLines(PRODUCTS, { 'banh-flan': 3, 'ca-phe-sua-da': 0, retired: 4 })).toEqual([
      { sku: 'banh-flan', quantity: 3 },
    ]);
    expect(cartSubtotal(PRODUCTS, { 'banh-flan': 3, retired: 4 })).toBe(75_000);
  });

  it('keeps typed quantities between 0 and 99, whole', () => {
    expect(clampQuantity(-2)).toBe(0);
    expect(clampQuantity(150)).toBe(99);
    expect(clampQuantity(2.7)).toBe(2);
    expect(clampQuantity(Number.NaN)).toBe(0);
  });
});
