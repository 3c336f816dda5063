// Test support for the merchant API: the app's real Express routes with the whole /api/v1
// router as checkout-server.ts mounts it (merchant-api.ts) over a service harness, on 127.0.0.1, with a
// key of its own.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app';
import { issueApiKey } from '../api-keys/api-keys';
import { silentLogger } from '../logger';
import { createCatalogueService } from '../catalogue/catalogue-service';
import { createShopProfileService } from '../catalogue/shop-profile-service';
import { merchantApi as merchantApiOf } from '../merchant-api/merchant-api';
import { createRefundService } from '../refunds/refund-service';
import { SANDBOX_APP, type ServiceHarness } from './service-harness';

export const TEST_RETURN_ORIGIN = 'https://shop.example';

/** An order of a free line and a catalogue line (530,000 VND) with every optional field. */
export const TEST_MERCHANT_ORDER = {
  lines: [
    { name: 'Hoodie, size M', unit_price: 250_000, quantity: 2 },
    { sku: 'banh-mi', quantity: 1 },
  ],
  merchant_reference: 'WC-10023',
  metadata: { customer_id: '8812' },
  return_url: `${TEST_RETURN_ORIGIN}/thanks`,
  cancel_url: `${TEST_RETURN_ORIGIN}/cart`,
  expires_in_seconds: 900,
};

export interface ServedMerchantApi {
  url: string;
  /** A live API key (`ck_...`) of this database. */
  key: string;
  /** fetch against the API with the key: `call('POST', '/orders', body, headers)`. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function serveMerchantApi(
  harness: ServiceHarness,
  options: { key?: string; returnOrigins?: string[] } = {},
): Promise<ServedMerchantApi> {
  const db = harness.database.db;
  const key = options.key ?? (await issueApiKey(db, 'test shop')).key;
  const log = silentLogger();
  const refunds = createRefundService({
    db,
    zalopay: harness.zalopay,
    appId: SANDBOX_APP.appId,
    log,
    checkIntervalMs: 100,
    now: harness.clock.now,
  });
  const merchantApi = merchantApiOf({
    db,
    log,
    refunds,
    cancelOrder: (orderId, by) => harness.service.cancelOrder(orderId, by),
    catalogue: createCatalogueService({ db, maxAmount: harness.config.orders.maxAmount }),
    shop: createShopProfileService({ db }),
    orders: harness.config.orders,
    returnOrigins: options.returnOrigins ?? [TEST_RETURN_ORIGIN],
    publicBaseUrl: harness.config.publicBaseUrl,
    requestsPerMinute: 0,
    now: harness.clock.now,
  });
  const server = createServer(createApp({ payments: harness.service, log, merchantApi }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    key,
    call: (method, path, body, headers = {}) =>
      fetch(`${url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
