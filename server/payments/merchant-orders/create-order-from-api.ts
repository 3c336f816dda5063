// An order made by a merchant's server through POST /api/v1/orders: its lines (catalogue skus, or free
// lines it priced itself) priced and checked as the shop's own carts are (create-order-from-cart.ts), with the
// merchant's reference, metadata, return and cancel URLs and expiry stored on the order.
import type { MerchantOrder } from '../../../db/schema';
import type { FreeLineRequest } from './catalogue';
import {
  createOrderFromCart,
  type CreateOrderDeps,
  type WithNewOrder,
} from './create-order-from-cart';
import { InvalidOrderError } from '../errors';
import { DEFAULT_EXPIRES_IN_SECONDS, type MerchantOrderRequest } from './merchant-order-input';
import type { OrderLineRequest } from '../status/order-view';

export async function createOrderFromApi(
  deps: CreateOrderDeps,
  apiKeyId: string,
  request: MerchantOrderRequest,
  withOrder?: WithNewOrder,
): Promise<MerchantOrder> {
  const { maxAmount } = deps.config.orders;
  const lines = request.lines.map((line, index): OrderLineRequest | FreeLineRequest => {
    if ('sku' in line) return line;
    if (line.unit_price > maxAmount) {
      throw new InvalidOrderError(
        `lines[${index}].unit_price`,
        `must be at most ${maxAmount} VND (ORDER_MAX_AMOUNT)`,
      );
    }
    return { name: line.name, unitPrice: line.unit_price, quantity: line.quantity };
  });
  return createOrderFromCart(
    deps,
    lines,
    {
      apiKeyId,
      merchantReference: request.merchant_reference ?? null,
      metadata: request.metadata ?? null,
      returnUrl: request.return_url ?? null,
      cancelUrl: request.cancel_url ?? null,
      expiresInSeconds: request.expires_in_seconds ?? DEFAULT_EXPIRES_IN_SECONDS,
      description: request.description ?? null,
    },
    withOrder,
  );
}
