// The whole merchant API at /api/v1 in one place: the public OpenAPI document, then (behind the key
// check) orders, their cancelling, events, refunds, and the catalogue and shop profile. checkout-server.ts mounts it; the OpenAPI test lists its routes.
import type { Router } from 'express';
import type { Database } from '../../db/create-db';
import type { MerchantOrderCanceller } from '../../db/schema';
import type { CancelledOrder } from '../payments/merchant-orders/cancel-merchant-order';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { ShopProfileService } from '../catalogue/shop-profile-service';
import type { Logger } from '../logger';
import type { OrderSettings } from '../payments/payments-config';
import type { RefundService } from '../refunds/refund-service';
import { cancelRoutes } from './cancel-routes';
import { catalogueRoutes } from './catalogue-routes';
import { eventsRoutes } from './events-routes';
import { openApiRoutes } from './openapi-document';
import { orderRoutes } from './order-routes';
import { refundRoutes } from './refund-routes';
import { merchantApiRouter } from './v1-router';

export interface MerchantApiDeps {
  db: Database;
  log: Logger;
  refunds: RefundService;
  /** PaymentsService.cancelOrder: the operator's and the abandoned-order round's cancel path. */
  cancelOrder: (orderId: string, by: MerchantOrderCanceller) => Promise<CancelledOrder>;
  /** The same catalogue and shop profile services as /ops and the CSV. */
  catalogue: CatalogueService;
  shop: ShopProfileService;
  orders: Pick<OrderSettings, 'minAmount' | 'maxAmount'>;
  /** MERCHANT_RETURN_ORIGINS. */
  returnOrigins: readonly string[];
  /** PUBLIC_BASE_URL, without a trailing slash. */
  publicBaseUrl: string;
  /** MERCHANT_API_REQUESTS_PER_MINUTE. */
  requestsPerMinute: number;
  now?: () => Date;
}

export function merchantApi(deps: MerchantApiDeps): Router {
  const { db, log } = deps;
  return merchantApiRouter({
    db,
    requestsPerMinute: deps.requestsPerMinute,
    publicRoutes: [
      openApiRoutes({
        publicBaseUrl: deps.publicBaseUrl,
        returnOrigins: deps.returnOrigins,
        maxAmount: deps.orders.maxAmount,
      }),
    ],
    routes: [
      orderRoutes({
        db,
        log,
        orders: deps.orders,
        returnOrigins: deps.returnOrigins,
        publicBaseUrl: deps.publicBaseUrl,
        ...(deps.now && { now: deps.now }),
      }),
      cancelRoutes({
        db,
        log,
        cancelOrder: deps.cancelOrder,
        publicBaseUrl: deps.publicBaseUrl,
        ...(deps.now && { now: deps.now }),
      }),
      eventsRoutes(db),
      catalogueRoutes({ db, log, catalogue: deps.catalogue, shop: deps.shop }),
      refundRoutes({ db, log, refunds: deps.refunds }),
    ],
  });
}
