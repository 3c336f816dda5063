// The demo café's catalogue and today's demo cart, as the server seeds and prices them, for the client
// tests' fake and for tests that price a cart by hand.
import type { OrderLineRequest, ProductView } from '../../../server/payments/status/order-view';

/** The demo café's catalogue, as the server seeds it. */
export const DEMO_PRODUCTS: readonly ProductView[] = [
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

/** Today's demo cart as the server would have priced it: 2 + 1 + 1 = 125,000 VND. */
export const DEMO_LINES: readonly OrderLineRequest[] = [
  { sku: 'ca-phe-sua-da', quantity: 2 },
  { sku: 'banh-mi', quantity: 1 },
  { sku: 'banh-flan', quantity: 1 },
];
