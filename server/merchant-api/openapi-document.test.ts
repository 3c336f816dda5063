// The OpenAPI document against a kept validator (OpenAPI 3.1's own schema), against the router (every
// /api/v1 route documented, nothing documented that is not a route), and against real answers of the
// running app: each status and body the API really sends must validate against the documented schema.
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { createCatalogueService } from '../catalogue/catalogue-service';
import { createShopProfileService } from '../catalogue/shop-profile-service';
import { createRefundService } from '../refunds/refund-service';
import { SANDBOX_APP, startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import {
  serveMerchantApi,
  TEST_RETURN_ORIGIN,
  type ServedMerchantApi,
} from '../testing/merchant-api-harness';
import { testDatabaseDrivers } from '../testing/test-database';
import { merchantApi } from './merchant-api';
import { openApiDocument } from './openapi-document';
import { ORDER_ANSWER_EXAMPLE, ORDER_REQUEST_EXAMPLE, REFUND_EXAMPLE } from './openapi-examples';

type Json = Record<string, unknown>;
type Operation = {
  requestBody?: { content: { 'application/json': { schema: Json; example: unknown } } };
  responses: Record<
    string,
    { content?: { 'application/json': { schema: Json; example?: unknown } } }
  >;
};
type Document = { paths: Record<string, Record<string, Operation>> };

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

/** The schema the document gives for one answer. */
function answerSchema(document: Document, path: string, method: string, status: number): Json {
  const answer = document.paths[path]?.[method]?.responses[String(status)];
  const schema = answer?.content?.['application/json'].schema;
  if (!schema)
    throw new Error(`${method.toUpperCase()} ${path} documents no ${status} JSON answer`);
  return schema;
}

function expectValid(schema: Json, value: unknown) {
  const validate = ajv.compile(schema);
  const valid = validate(value);
  expect(validate.errors ?? [], JSON.stringify(value)).toEqual([]);
  expect(valid).toBe(true);
}

/** `/orders/:orderId` as OpenAPI writes it, parameter names aside: `/orders/{}`. */
const shapeOf = (path: string) => path.replace(/:\w+/g, '{}').replace(/\{\w+\}/g, '{}');

function routesOf(router: Router): string[] {
  return router.stack.flatMap((layer) => {
    const route = layer.route as { path: string; methods?: Record<string, boolean> } | undefined;
    if (!route) return [];
    const methods = Object.keys(route.methods ?? {}).filter((method) => method !== '_all');
    return methods.map((method) => `${method} ${shapeOf(route.path)}`);
  });
}

const document = openApiDocument({
  publicBaseUrl: 'https://pay.example',
  returnOrigins: [TEST_RETURN_ORIGIN],
  maxAmount: 50_000_000,
}) as unknown as Document;

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document as never);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has an example for every operation, each valid against its own schema', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const body = operation.requestBody?.content['application/json'];
        if (body) expectValid(body.schema, body.example);
        const success = Object.entries(operation.responses).find(([status]) => status < '300');
        expect(success, `${method} ${path}`).toBeDefined();
        const example = success?.[1].content?.['application/json'].example;
        if (path !== '/openapi.json') {
          expect(example, `${method} ${path}`).toBeDefined();
          expectValid(answerSchema(document, path, method, Number(success?.[0])), example);
        }
      }
    }
    expect(ORDER_REQUEST_EXAMPLE.lines).toHaveLength(2);
    expect([ORDER_ANSWER_EXAMPLE.order_id, REFUND_EXAMPLE.order_id]).toEqual([
      'K7W2M9QX4T',
      'K7W2M9QX4T',
    ]);
  });
});

describe.each(testDatabaseDrivers())('the OpenAPI document and the running API on %s', (driver) => {
  let harness: ServiceHarness;
  let api: ServedMerchantApi;

  beforeAll(async () => {
    harness = await startServiceHarness(driver);
    api = await serveMerchantApi(harness);
  });
  afterAll(async () => {
    await api?.close();
    await harness?.close();
  });

  it('documents every /api/v1 route of the router, and no route the router lacks', () => {
    const log = silentLogger();
    const db = harness.database.db;
    const router = merchantApi({
      db,
      log,
      refunds: createRefundService({
        db,
        zalopay: harness.zalopay,
        appId: SANDBOX_APP.appId,
        log,
        checkIntervalMs: 100,
      }),
      cancelOrder: (orderId, by) => harness.service.cancelOrder(orderId, by),
      catalogue: createCatalogueService({ db, maxAmount: harness.config.orders.maxAmount }),
      shop: createShopProfileService({ db }),
      orders: harness.config.orders,
      returnOrigins: [TEST_RETURN_ORIGIN],
      publicBaseUrl: harness.config.publicBaseUrl,
      requestsPerMinute: 0,
    });
    const routes = routesOf(router).sort();
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m} ${shapeOf(path)}`))
      .sort();
    expect(routes.length).toBeGreaterThanOrEqual(6);
    expect(routes).toEqual(documented);
  });

  it('serves itself at /api/v1/openapi.json without a key', async () => {
    const response = await fetch(`${api.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const served = (await response.json()) as { openapi: string; servers: [{ url: string }] };
    expect(served.openapi).toBe('3.1.1');
    expect(served.servers[0].url).toBe(`${harness.config.publicBaseUrl}/api/v1`);
  });

  it('validates the real answers of every operation, errors included', async () => {
    const check = async (response: Response, path: string, method: string) => {
      const body = await response.json();
      expectValid(answerSchema(document, path, method, response.status), body);
      return body;
    };
    const created = await check(
      await api.call('POST', '/orders', ORDER_REQUEST_EXAMPLE),
      '/orders',
      'post',
    );
    expect(created.status).toBe('AWAITING_PAYMENT');
    const payment = await harness.service.payOrder(created.order_id);
    await check(await api.call('GET', `/orders/${created.order_id}`), '/orders/{order_id}', 'get');
    await harness.pay(payment.appTransId);
    const paid = await check(
      await api.call('GET', `/orders/${created.order_id}`),
      '/orders/{order_id}',
      'get',
    );
    expect(paid.receipt).not.toBeNull();
    const listed = await check(
      await api.call('GET', '/orders?merchant_reference=WC-10023'),
      '/orders',
      'get',
    );
    expect(listed.data.length).toBeGreaterThan(0);
    const refund = await api.call('POST', `/orders/${created.order_id}/refunds`, {
      amount: 20_000,
      reason: 'Customer returned one item',
    });
    expect(refund.status).toBe(201);
    await check(refund, '/orders/{order_id}/refunds', 'post');
    const refunded = await check(
      await api.call('GET', `/orders/${created.order_id}`),
      '/orders/{order_id}',
      'get',
    );
    expect(refunded.refunds).toHaveLength(1);
    await check(await api.call('GET', '/events?limit=5'), '/events', 'get');

    const bad = await api.call('POST', '/orders', {
      lines: [{ name: 'x', unit_price: -1, quantity: 1 }],
    });
    expect(bad.status).toBe(400);
    await check(bad, '/orders', 'post');
    const missing = await api.call('GET', '/orders/NOSUCHORDR');
    expect(missing.status).toBe(404);
    await check(missing, '/orders/{order_id}', 'get');
    const unauthorized = await fetch(`${api.url}/api/v1/orders/NOSUCHORDR`);
    expect(unauthorized.status).toBe(401);
    await check(unauthorized, '/orders/{order_id}', 'get');
    const headers = { 'idempotency-key': `openapi-${driver}` };
    await api.call('POST', '/orders', ORDER_REQUEST_EXAMPLE, headers);
    const reused = await api.call(
      'POST',
      '/orders',
      { lines: ORDER_REQUEST_EXAMPLE.lines },
      headers,
    );
    expect(reused.status).toBe(409);
    await check(reused, '/orders', 'post');
    const tooMuch = await api.call('POST', `/orders/${created.order_id}/refunds`, {
      amount: 10_000_000,
      reason: 'too much',
    });
    expect(tooMuch.status).toBe(409);
    await check(tooMuch, '/orders/{order_id}/refunds', 'post');
    const badEvents = await api.call('GET', '/events?limit=0');
    expect(badEvents.status).toBe(400);
    await check(badEvents, '/events', 'get');
  });
});
