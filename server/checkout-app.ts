// The Express app a checkout serves, by ROLE: the whole checkout (shop, API, callbacks, operator pages,
// merchant API) when it takes payments, else (ROLE=worker) only the probes a platform scrapes.
import type { Express } from 'express';
import type { Env } from './env';
import type { Logger } from './logger';
import { createApp } from './app';
import { createProbeApp } from './http/probe-app';
import { operationsHttp, probeRoutes, type ProbeRoutesDeps } from './ops/operations';
import type { PaymentsService } from './payments/payments-service';
import type { RefundService } from './refunds/refund-service';
import { merchantApi } from './merchant-api/merchant-api';
import type { CatalogueService } from './catalogue/catalogue-service';
import type { ShopProfileService } from './catalogue/shop-profile-service';
import type { StorefrontCache } from './catalogue/storefront-cache';

export interface CheckoutAppDeps {
  env: Env;
  log: Logger;
  clientDir: string | undefined;
  /** Undefined for ROLE=worker: then only the probes are served. */
  payments: PaymentsService | undefined;
  probes: ProbeRoutesDeps;
  refunds: RefundService;
  catalogue: CatalogueService;
  shop: ShopProfileService;
  storefront: StorefrontCache;
  publicBaseUrl: string;
}

export function checkoutApp(deps: CheckoutAppDeps): Express {
  const { env, log, payments, probes, refunds, catalogue, shop, storefront, publicBaseUrl } = deps;
  if (!payments) return createProbeApp(probeRoutes(probes));
  const db = probes.database.db;
  return createApp({
    payments,
    log,
    clientDir: deps.clientDir,
    operations: operationsHttp({
      ...probes,
      adminToken: env.ops.adminToken,
      refunds,
      cancelOrder: (shopOrderId) => payments.cancelOrder(shopOrderId, 'operator'),
      publicBaseUrl,
      trustProxy: env.security.trustProxy,
      log,
      catalogue: {
        catalogue,
        shop,
        imageMaxBytes: env.catalogue.imageMaxBytes,
        maxAmount: env.orders.maxAmount,
      },
    }),
    security: { ...env.security, https: publicBaseUrl.startsWith('https://') },
    acceptClientAmounts: env.orders.acceptClientAmounts,
    merchantApi: merchantApi({
      db,
      log,
      refunds,
      cancelOrder: (orderId, by) => payments.cancelOrder(orderId, by),
      catalogue,
      shop,
      orders: env.orders,
      returnOrigins: env.merchantApi.returnOrigins,
      publicBaseUrl,
      requestsPerMinute: env.merchantApi.requestsPerMinute,
    }),
    storefront: { db, cache: storefront },
  });
}
