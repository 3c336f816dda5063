import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../testing/fake-payments/demo-catalogue';
import { cartSubtotal, clampQuantity, orderLines } from './cart-quantities';

describe('cart quantities', () => {
  it('prices a cart at the catalogue prices: 2 + 1 + 1 is 125,000 VND; an empty cart 0', () => {
    const quantities = { 'ca-phe-sua-da': 2, 'banh-mi': 1, 'banh-flan': 1 };
    expect(cartSubtotal(DEMO_PRODUCTS, quantities)).toBe(125_000);
    expect(cartSubtotal(DEMO_PRODUCTS, {})).toBe(0);
  });

  it('orders only the lines with a quantity, in catalogue order, and never an unknown sku', () => {
    expect(orderLines(DEMO_PRODUCTS, { 'banh-flan': 3, 'ca-phe-sua-da': 0, retired: 4 })).toEqual([
      { sku: 'banh-flan', quantity: 3 },
    ]);
    expect(cartSubtotal(DEMO_PRODUCTS, { 'banh-flan': 3, retired: 4 })).toBe(75_000);
  });

  it('keeps typed quantities between 0 and 99, whole', () => {
    expect(clampQuantity(-2)).toBe(0);
    expect(clampQuantity(150)).toBe(99);
    expect(clampQuantity(2.7)).toBe(2);
    expect(clampQuantity(Number.NaN)).toBe(0);
  });
});
