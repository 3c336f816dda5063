// A shopper's cart becomes a merchant order priced by the server: names and prices come from the catalogue
// and are copied onto the order, so what was bought, and for how much, never changes afterwards.
import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/create-db';
import { merchantOrders, shopProfile, type MerchantOrder } from '../../../db/schema';
import { DEFAULT_ORDER_DESCRIPTION, describeOrder } from '../../catalogue/shop-profile-rules';
import { orderTotal, priceLines, type FreeLineRequest } from './catalogue';
import { InvalidOrderError } from '../errors';
import { newOrderReference } from './order-reference';
import type { OrderLineRequest } from '../status/order-view';
import type { PaymentsConfig } from '../payments-config';

export interface CreateOrderDeps {
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

/** What an order made through the merchant API carries besides its lines (create-order-from-api.ts). */
export interface MerchantOrderFields {
  apiKeyId: string;
  merchantReference: string | null;
  metadata: Record<string, string> | null;
  returnUrl: string | null;
  cancelUrl: string | null;
  /** expires_at is this long after the order's creation. */
  expiresInSeconds: number;
  /** What ZaloPay shows the shopper; default: orderDescription(reference). */
  description: string | null;
}

/** Runs in the transaction that stores the order (the merchant API stores its idempotent answer). */
export type WithNewOrder = (tx: Transaction, order: MerchantOrder) => Promise<void>;

export async function createOrderFromCart(
  deps: CreateOrderDeps,
  request: readonly (OrderLineRequest | FreeLineRequest)[],
  merchant?: MerchantOrderFields,
  withOrder?: WithNewOrder,
): Promise<MerchantOrder> {
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
  const row = {
    id,
    lines,
    total,
    createdAt: now,
    updatedAt: now,
    ...(merchant && {
      apiKeyId: merchant.apiKeyId,
      merchantReference: merchant.merchantReference,
      metadata: merchant.metadata,
      returnUrl: merchant.returnUrl,
      cancelUrl: merchant.cancelUrl,
      expiresAt: new Date(now.getTime() + merchant.expiresInSeconds * 1000),
    }),
    description: merchant?.description ?? (await orderDescription(deps.db, id)),
  };
  const insert = async (db: Database | Transaction) => {
    const [order] = await db.insert(merchantOrders).values(row).returning();
    if (!order) throw new Error('The merchant order was not recorded');
    return order;
  };
  if (!withOrder) return insert(deps.db);
  return deps.db.transaction(async (tx) => {
    const order = await insert(tx);
    await withOrder(tx, order);
    return order;
  });
}
