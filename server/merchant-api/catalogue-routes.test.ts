// The merchant API's catalogue and shop endpoints over real HTTP with a real API key, on both databases:
// the same rules and answers as /ops, errors as {"error": {"code", "message", "field"}}, and the audit
// record naming the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listChanges } from '../catalogue/catalogue-changes';
import { testDatabaseDrivers } from '../testing/test-database';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { serveMerchantApi, type ServedMerchantApi } from '../testing/merchant-api-harness';

describe.each(testDatabaseDrivers())('catalogue API routes (%s)', (driver) => {
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

  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${api.key}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('lists every product, retired ones too, with their image URL', async () => {
    const response = await send('GET', '/api/v1/products');
    expect(response.status).toBe(200);
    const { products } = (await response.json()) as { products: { sku: string }[] };
    expect(products[0]).toEqual({
      sku: 'ca-phe-sua-da',
      name_vi: 'Cà phê sữa đá',
      name_en: 'Iced milk coffee',
      unit_price: 35_000,
      active: true,
      description_vi: null,
      description_en: null,
      position: 10,
      image_id: null,
      image_url: null,
    });
  });

  it('creates (201), changes and retires a product, each recorded as the key', async () => {
    const created = await send('POST', '/api/v1/products', {
      sku: 'tra-dao',
      name_vi: 'Trà đào',
      name_en: 'Peach tea',
      unit_price: 39_000,
    });
    expect(created.status).toBe(201);
    const patched = await send('PATCH', '/api/v1/products/tra-dao', {
      unit_price: 42_000,
      active: false,
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ unit_price: 42_000, active: false });
    const [change] = await listChanges(harness.database.db);
    expect(change).toMatchObject({ actor: 'api key test shop', action: 'retire' });
  });

  it.each([
    [
      'POST',
      '/api/v1/products',
      { sku: 'x', name_vi: 'a', name_en: 'b', unit_price: -29_000 },
      400,
      'unit_price',
    ],
    [
      'POST',
      '/api/v1/products',
      { sku: 'banh-mi', name_vi: 'a', name_en: 'b', unit_price: 1 },
      409,
      'sku',
    ],
    [
      'POST',
      '/api/v1/products',
      { sku: 'BAD', name_vi: 'a', name_en: 'b', unit_price: 1 },
      400,
      'sku',
    ],
    ['POST', '/api/v1/products', [], 400, 'body'],
    ['PATCH', '/api/v1/products/banh-mi', { unit_price: 50_000_001 }, 400, 'unit_price'],
    ['PATCH', '/api/v1/products/banh-mi', { colour: 'red' }, 400, 'colour'],
    ['PATCH', '/api/v1/products/nope', { active: false }, 404, 'sku'],
    ['PATCH', '/api/v1/shop', { brand_color: 'javascript:alert(1)' }, 400, 'brand_color'],
    ['PATCH', '/api/v1/shop', { support_email: 'not an email' }, 400, 'support_email'],
    ['PATCH', '/api/v1/shop', { order_description: 'no reference' }, 400, 'order_description'],
  ])('%s %s %j answers %i naming %s', async (method, path, body, status, field) => {
    const response = await send(method, path, body);
    expect(response.status).toBe(status);
    const answer = (await response.json()) as {
      error: { code: string; message: string; field: string };
    };
    expect(answer.error.field).toBe(field);
    expect(answer.error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('answers 401 to a caller without a key, and changes nothing', async () => {
    const stranger = await fetch(`${api.url}/api/v1/products/banh-mi`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unit_price: 1 }),
    });
    expect(stranger.status).toBe(401);
    const { products } = (await (await send('GET', '/api/v1/products')).json()) as {
      products: { sku: string; unit_price: number }[];
    };
    expect(products.find((product) => product.sku === 'banh-mi')?.unit_price).not.toBe(1);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await send('POST', '/api/v1/products', '{"sku":');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'malformed_json' } });
  });

  it('reads and changes the shop profile', async () => {
    const patched = await send('PATCH', '/api/v1/shop', {
      name: 'Trà Sữa Mây',
      support_phone: '+84 28 1234 5678',
      order_description: 'Trà Sữa Mây {ref}',
    });
    expect(patched.status).toBe(200);
    const shop = await (await send('GET', '/api/v1/shop')).json();
    expect(shop).toMatchObject({
      name: 'Trà Sữa Mây',
      tagline_en: 'A ZaloPay Web-to-App checkout',
      support_phone: '+84 28 1234 5678',
      order_description: 'Trà Sữa Mây {ref}',
      brand_color: '#0050c8',
    });
  });
});
