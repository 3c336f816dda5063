// A shopper's cart becomes a merchant order priced by the server: names and prices come from the catalogue
// and are copied onto the order, so what was bought, and for how much, never changes afterwards.
import type { Database } from '../../db/create-db';
import { eq } from 'drizzle-orm';
import { shopOrders, shopProfile, type ShopOrder } from '../../db/schema';
import { DEFAULT_ORDER_DESCRIPTION, describeOrder } from '../catalogue/shop-profile-rules';
import { orderTotal, priceLines } from './catalogue';
import { InvalidOrderError } from './errors';
import { newOrderReference } from './order-reference';
import type { OrderLineRequest } from './order-view';
import type { PaymentsConfig } from './payments-config';

export interface CreateShopOrderDeps {
  db: Database;
  config: { orders: Pick<PaymentsConfig['orders'], 'minAmount' | 'maxAmount'> };
  now: () => Date;
}

/**
 * ZaloPay shows this to the shopper: the merchant's template from the shop profile (/ops/shop) with the
 * order's reference, which lets support find the order.
 */
async function orderDescription(db: Database, reference: string): Promise<string> {
  const [profile] = await db
    .select({ template: shopProfile.orderDescription })
    .from(shopProfile)
    .where(eq(shopProfile.id, 1));
  return describeOrder(profile?.template ?? DEFAULT_ORDER_DESCRIPTION, reference);
}

export async function createShopOrder(
  deps: CreateShopOrderDeps,
  request: readonly OrderLineRequest[],
): Promise<ShopOrder> {
  const lines = await priceLines(deps.db, request);
  const total = orderTotal(lines);
  if (total < deps.config.orders.minAmount || total > deps.config.orders.maxAmount) {
    throw new InvalidOrderError(
      'lines',
      `the order total must be between ${deps.config.orders.minAmount} and ${deps.config.orders.maxAmount} VND (this cart is ${total} VND)`,
    );
  }
  const id = newOrderReference();
  const now = deps.now();
  const description = await orderDescription(deps.db, id);
  const [order] = await deps.db
    .insert(shopOrders)
    .values({ id, lines, total, description, createdAt: now, updatedAt: now })
    .returning();
  if (!order) throw new Error('The merchant order was not recorded');
  return order;
}
