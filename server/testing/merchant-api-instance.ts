// Test support, the merchant API as one app instance (on service-harness.ts): /api/v1 with its real
// router, key check and limit, and the events feed and refunds, served on 127.0.0.1 over a database
// handle; a second handle on the same PostgreSQL is a second instance. Also pays an order end to end.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DatabaseHandle } from '../../db/create-db';
import { createApp } from '../app';
import { silentLogger } from '../logger';
import { eventsRoutes } from '../merchant-api/events-routes';
import { refundRoutes } from '../merchant-api/refund-routes';
import { merchantApiRouter } from '../merchant-api/v1-router';
import { createRefundService } from '../refunds/refund-service';
import type { ServedApp } from './app-harness';
import { SANDBOX_APP, type ServiceHarness } from './service-harness';

export interface MerchantApiInstanceOptions {
  /** Another handle on the harness's database: another instance. Default: the harness's own. */
  database?: DatabaseHandle;
  requestsPerMinute?: number;
}

export async function serveMerchantApiInstance(
  harness: ServiceHarness,
  options: MerchantApiInstanceOptions = {},
): Promise<ServedApp> {
  const { db } = options.database ?? harness.database;
  const log = silentLogger();
  const refunds = createRefundService({
    db,
    zalopay: harness.zalopay,
    appId: SANDBOX_APP.appId,
    log,
    checkIntervalMs: 100,
    now: harness.clock.now,
  });
  const merchantApi = merchantApiRouter({
    db,
    requestsPerMinute: options.requestsPerMinute ?? 0,
    routes: [eventsRoutes(db), refundRoutes({ db, log, refunds })],
  });
  const server = createServer(createApp({ payments: harness.service, log, merchantApi }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A merchant order of the catalogue, paid at the emulator; resolves once the order is PAID. */
export async function paidMerchantOrder(harness: ServiceHarness): Promise<{ orderId: string }> {
  const order = await harness.service.createOrder([{ sku: 'banh-mi', quantity: 2 }]);
  const payment = await harness.service.payOrder(order.orderId);
  await harness.pay(payment.appTransId);
  for (let i = 0; i < 200; i++) {
    const now = await harness.service.getOrder(order.orderId);
    if (now?.status === 'PAID' || now?.status === 'FULFILLED') return { orderId: order.orderId };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`order ${order.orderId} was not paid within 5 s`);
}
