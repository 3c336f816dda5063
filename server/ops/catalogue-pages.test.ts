// The /ops Products and Shop pages over real HTTP on the whole checkout: sign-in and same-origin checks,
// every refusal on the page naming its field (nothing stored), images judged by their bytes and served
// with their type, nosniff and a year's cache, the audit record, the CSV in two steps, and a change that
// reaches the shop's HTML within STOREFRONT_CHECK_MS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCheckout, type TestCheckout } from '../testing/checkout-harness';
import {
  HTML_AS_PNG,
  largePngImage,
  multipartForm,
  pngImage,
  type UploadFile,
} from '../testing/catalogue-uploads';

const ADMIN_TOKEN = 'catalogue-pages-admin-token-0123456789';
const IMAGE_MAX_BYTES = 4_096;

let running: TestCheckout;
let base: string;
let cookie: string;

const get = (path: string, session = cookie) =>
  fetch(`${base}${path}`, { headers: { cookie: session }, redirect: 'manual' });

function post(
  path: string,
  body: FormData | URLSearchParams,
  headers: Record<string, string> = {},
) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie, origin: base, ...headers },
    body,
    redirect: 'manual',
  });
}

const addProduct = (fields: Record<string, string>, files: UploadFile[] = []) =>
  post('/ops/products', multipartForm(fields, files));

const GOOD = { sku: 'tra-dao', name_vi: 'Trà đào', name_en: 'Peach tea', unit_price: '39000' };
const png = (bytes: Buffer, name = 'tea.png'): UploadFile => ({
  field: 'image',
  bytes,
  name,
  type: 'image/png',
});

async function productsHtml(): Promise<string> {
  return (await get('/ops/products')).text();
}

/** The storefront JSON the shop's page carries. */
async function storefront(): Promise<{ profile: { name: string }; products: { sku: string }[] }> {
  const html = await (await fetch(`${base}/`)).text();
  const data = /<script type="application\/json" id="storefront">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(data ?? 'null') as never;
}

beforeAll(async () => {
  running = await startTestCheckout('pglite', {
    ADMIN_TOKEN,
    IMAGE_MAX_BYTES: String(IMAGE_MAX_BYTES),
    STOREFRONT_CHECK_MS: '100',
  });
  base = running.checkout.url;
  const signedIn = await fetch(`${base}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: ADMIN_TOKEN }),
    redirect: 'manual',
  });
  cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(() => running?.close());

describe('the Products page', () => {
  it('is for signed-in operators only, and refuses a cross-origin post', async () => {
    const anonymous = await get('/ops/products', '');
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/ops/sign-in']);
    const forged = await post('/ops/products', multipartForm(GOOD), {
      origin: 'https://evil.example',
    });
    expect(forged.status).toBe(403);
    const noSession = await fetch(`${base}/ops/products/banh-mi/retire`, {
      method: 'POST',
      headers: { origin: base },
      redirect: 'manual',
    });
    expect(noSession.status).toBe(401);
    expect(await productsHtml()).not.toContain('tra-dao');
  });

  it('lists the demo café as the seed', async () => {
    const html = await productsHtml();
    expect(html).toContain('Cà phê sữa đá');
    expect(html).toContain('35,000 VND');
  });

  it.each([
    [{ ...GOOD, sku: 'Trà Đào' }, 400, 'sku: must be 1 to 40 lowercase'],
    [{ ...GOOD, unit_price: '0' }, 400, 'unit_price: must be above 0'],
    [{ ...GOOD, unit_price: '-29000' }, 400, 'unit_price: must be above 0'],
    [{ ...GOOD, unit_price: '50000001' }, 400, 'unit_price: must be at most 50000000 VND'],
    [{ ...GOOD, unit_price: '29.000' }, 400, 'unit_price: must be a whole number'],
    [{ ...GOOD, name_en: '' }, 400, 'name_en: is required'],
    [{ ...GOOD, sku: 'banh-mi' }, 409, 'sku: banh-mi is already a product'],
  ])('refuses %j with %i naming the field, storing nothing', async (fields, status, message) => {
    const response = await addProduct(fields);
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(html).toContain(`Not added: ${message}`);
    expect(html).toContain(`value="${fields.name_vi}"`);
    expect((await storefront()).products.map((product) => product.sku)).not.toContain('tra-dao');
  });

  it('refuses an HTML file renamed .png, and an image over IMAGE_MAX_BYTES', async () => {
    const renamed = await addProduct(GOOD, [png(HTML_AS_PNG, 'photo.png')]);
    expect(renamed.status).toBe(400);
    expect(await renamed.text()).toContain(
      'image: is not a PNG, JPEG or WebP image (judged by its content)',
    );
    const large = largePngImage(96);
    expect(large.length).toBeGreaterThan(IMAGE_MAX_BYTES);
    const tooLarge = await addProduct(GOOD, [png(large)]);
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain(`image: is over ${IMAGE_MAX_BYTES} bytes`);
    expect(await productsHtml()).not.toContain('Peach tea');
  });

  it('adds a product with its image; the image is served by its content; the shop shows it within seconds', async () => {
    const image = pngImage(8);
    const added = await addProduct(GOOD, [png(image)]);
    expect([added.status, added.headers.get('location')]).toEqual([
      303,
      '/ops/products?notice=added',
    ]);
    const html = await productsHtml();
    const src = /<img class="thumb" src="(\/media\/[0-9a-f]{64})"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const served = await fetch(`${base}${src}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(image);
    expect((await fetch(`${base}/media/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${base}/media/..%2Fetc`)).status).toBe(404);

    await expect
      .poll(async () => (await storefront()).products.map((product) => product.sku), {
        timeout: 3_000,
      })
      .toContain('tra-dao');
  });

  it('records every change with the operator session, and shows it on the product page', async () => {
    const saved = await post(
      '/ops/products/tra-dao',
      multipartForm({ ...GOOD, unit_price: '45000', position: '' }),
    );
    expect(saved.status).toBe(303);
    expect((await post('/ops/products/tra-dao/retire', new URLSearchParams())).status).toBe(303);
    const page = await (await get('/ops/products/tra-dao')).text();
    expect(page).toContain('unit_price: 39000 → 45000');
    expect(page).toContain('active: true → false');
    expect(page).toMatch(/by operator session [0-9a-f-]{36}/);
    expect(page).toContain('(retired)');
    expect((await post('/ops/products/tra-dao/restore', new URLSearchParams())).status).toBe(303);
    expect((await get('/ops/products/nope')).status).toBe(404);
  });
});

describe('the catalogue CSV on /ops', () => {
  const csv = (text: string) =>
    post(
      '/ops/catalogue/import',
      multipartForm({}, [
        { field: 'csv', bytes: Buffer.from(text), name: 'p.csv', type: 'text/csv' },
      ]),
    );

  it('a CSV with one bad row is refused naming its line and column, and nothing changes', async () => {
    const response = await csv(
      'sku,name_vi,name_en,unit_price,active\nbanh-mi,Bánh mì,Bánh mì,31000,true\nx,X,X,-1,true\n',
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(
      'Not imported: line 3, column unit_price: must be above 0',
    );
    expect(await productsHtml()).toContain('30,000 VND');
  });

  it('previews, then applies every row; exports as CSV', async () => {
    const text = 'sku,name_vi,name_en,unit_price,active\nbanh-mi,Bánh mì,Bánh mì,31000,true\n';
    const preview = await csv(text);
    expect(preview.status).toBe(200);
    const page = await preview.text();
    expect(page).toContain('unit_price: 30000 → 31000');
    expect(await productsHtml()).toContain('30,000 VND');
    const applied = await post('/ops/catalogue/import/apply', new URLSearchParams({ csv: text }));
    expect([applied.status, applied.headers.get('location')]).toEqual([
      303,
      '/ops/products?notice=imported',
    ]);
    expect(await productsHtml()).toContain('31,000 VND');
    const exported = await get('/ops/catalogue.csv');
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await exported.text()).toContain('banh-mi,Bánh mì,Bánh mì,31000,true');
  });
});

describe('the Shop page', () => {
  it('changes the name, colour, logo and favicon; refuses a bad colour and a template without {ref}', async () => {
    const badColour = await post('/ops/shop', multipartForm({ brand_color: 'red' }));
    expect(badColour.status).toBe(400);
    expect(await badColour.text()).toContain('brand_color: must be a colour like #0050c8');
    const noRef = await post('/ops/shop', multipartForm({ order_description: 'Order' }));
    expect(await noRef.text()).toContain('order_description: must contain {ref}');

    const logo = pngImage(4, [10, 10, 10]);
    const saved = await post(
      '/ops/shop',
      multipartForm({ name: 'Trà Sữa Mây', brand_color: '#FFD84D' }, [
        { field: 'logo', bytes: logo, name: 'logo.png', type: 'image/png' },
        { field: 'favicon', bytes: pngImage(2, [1, 2, 3]), name: 'f.png', type: 'image/png' },
      ]),
    );
    expect(saved.status).toBe(303);
    const page = await (await get('/ops/shop')).text();
    expect(page).toContain('name: Cà Phê Demo → Trà Sữa Mây');
    expect(page).toContain('with black text');
    await expect
      .poll(async () => (await storefront()).profile.name, { timeout: 3_000 })
      .toBe('Trà Sữa Mây');
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('<title>Trà Sữa Mây</title>');
    const favicon = await fetch(`${base}/favicon.ico`, { redirect: 'manual' });
    expect(favicon.status).toBe(302);
    expect(favicon.headers.get('location')).toMatch(/^\/media\/[0-9a-f]{64}$/);

    const removed = await post(
      '/ops/shop',
      multipartForm({ remove_logo: '1', remove_favicon: '1' }, [
        { field: 'logo', bytes: Buffer.alloc(0), name: '', type: 'application/octet-stream' },
      ]),
    );
    expect(removed.status).toBe(303);
    await expect
      .poll(async () => (await storefront()) as unknown as { profile: { logoUrl: unknown } }, {
        timeout: 3_000,
      })
      .toMatchObject({ profile: { logoUrl: null, faviconUrl: null } });
  });
});

describe('markup typed by an operator', () => {
  const HOSTILE = `</script><script>alert(1)</script><img src=x onerror=alert(2)>`;

  it('is text on /ops and in the shop page (title and inlined data), never markup', async () => {
    const added = await addProduct({
      sku: 'xss',
      name_vi: HOSTILE,
      name_en: HOSTILE,
      unit_price: '1000',
      description_vi: HOSTILE,
      description_en: HOSTILE,
    });
    expect(added.status).toBe(303);
    const shop = await post(
      '/ops/shop',
      multipartForm({ name: HOSTILE, tagline_vi: HOSTILE, tagline_en: HOSTILE }),
    );
    expect(shop.status).toBe(303);
    for (const path of ['/ops/products', '/ops/products/xss', '/ops/shop']) {
      const html = await (await get(path)).text();
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    await expect
      .poll(async () => (await storefront()).profile.name, { timeout: 3_000 })
      .toBe(HOSTILE);
    const page = await (await fetch(`${base}/`)).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(1)');
  });
});
