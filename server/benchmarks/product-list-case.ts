// Case 9: the shop's menu with 500 products on sale, read as the shop's page reads it (tRPC listProducts,
// the batch of one httpBatchLink sends, with a browser's Accept-Encoding) at the status reads' fixed rate
// and targets (2,000/s, p99 under 20 ms), then flat out. The products go in as a merchant adds them (the
// merchant API), and are retired again after the case.
import superjson from 'superjson';
import { figure, type CaseResult, type Figure } from './benchmark-result';
import { fixedRateFigures, flatOutWindow, KEEP_UP_SHARE, rateLoad } from './fixed-rate-load';

export interface ProductListPlan {
  /** Products on sale in all (the demo's own count towards it). */
  products: number;
  rate: number;
  windowSeconds: number;
  warmUpSeconds: number;
  fixedRateConnections: number;
  flatOutConnections: number;
}

/** What Chromium sends: the checkout answers gzip (first it takes in the list). */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/** The shop page's read: httpBatchLink's batch of one listProducts, its (absent) input by superjson. */
export const SHOP_MENU_READ = `/trpc/listProducts?batch=1&input=${encodeURIComponent(
  JSON.stringify({ 0: superjson.serialize(undefined) }),
)}`;

async function menuSize(checkoutUrl: string): Promise<number> {
  const response = await fetch(`${checkoutUrl}${SHOP_MENU_READ}`);
  const [envelope] = (await response.json()) as [{ result: { data: never } }];
  return superjson.deserialize<{ products: unknown[] }>(envelope.result.data).products.length;
}

/**
 * Adds products through the merchant API (POST /api/v1/products) until `plan.products` are on sale, and
 * waits for the storefront cache to show them; the returned function retires them again, so the cases
 * after this one see the demo's menu.
 */
export async function seedCatalogue(
  checkoutUrl: string,
  apiKey: string,
  plan: ProductListPlan,
): Promise<() => Promise<void>> {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const skus: string[] = [];
  const missing = plan.products - (await menuSize(checkoutUrl));
  for (let i = 1; i <= missing; i += 1) {
    const sku = `bench-${String(i).padStart(4, '0')}`;
    const response = await fetch(`${checkoutUrl}/api/v1/products`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        sku,
        name_vi: `Cà phê rang xay số ${i}`,
        name_en: `Ground coffee no. ${i}`,
        unit_price: 20_000 + (i % 50) * 1_000,
        description_vi: `Hạt Robusta Buôn Ma Thuột, rang vừa, gói ${i % 5 === 0 ? 500 : 250} g.`,
        description_en: `Buon Ma Thuot Robusta beans, medium roast, ${i % 5 === 0 ? 500 : 250} g bag.`,
      }),
    });
    if (response.status !== 201) {
      throw new Error(
        `POST /api/v1/products answered ${response.status}: ${await response.text()}`,
      );
    }
    skus.push(sku);
  }
  const deadline = Date.now() + 10_000;
  while ((await menuSize(checkoutUrl)) !== plan.products) {
    if (Date.now() > deadline) throw new Error(`the menu never showed ${plan.products} products`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return async () => {
    for (const sku of skus) {
      const response = await fetch(`${checkoutUrl}/api/v1/products/${sku}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ active: false }),
      });
      if (response.status !== 200) throw new Error(`retiring ${sku} answered ${response.status}`);
    }
  };
}

async function answerSizes(checkoutUrl: string, expected: number): Promise<Figure[]> {
  const plain = await fetch(`${checkoutUrl}${SHOP_MENU_READ}`, {
    headers: { 'accept-encoding': 'identity' },
  });
  const text = await plain.text();
  const [envelope] = JSON.parse(text) as [{ result: { data: never } }];
  const { products } = superjson.deserialize<{ products: unknown[] }>(envelope.result.data);
  if (products.length !== expected) {
    throw new Error(`listProducts answered ${products.length} products, not ${expected}`);
  }
  const figures = [figure('answer, uncompressed', Buffer.byteLength(text) / 1000, 'KB')];
  for (const encoding of ['gzip', 'br']) {
    const response = await fetch(`${checkoutUrl}${SHOP_MENU_READ}`, {
      headers: { 'accept-encoding': encoding },
    });
    const sent = Number(response.headers.get('content-length'));
    if (response.headers.get('content-encoding') === encoding && sent > 0) {
      figures.push(figure(`answer, ${encoding}`, sent / 1000, 'KB'));
    }
  }
  return figures;
}

export async function runProductList(
  checkoutUrl: string,
  plan: ProductListPlan,
  checkoutPid?: number,
): Promise<CaseResult> {
  const figures = await answerSizes(checkoutUrl, plan.products);
  const load = rateLoad(plan, {
    baseUrl: checkoutUrl,
    method: 'GET',
    nextRequest: () => ({ path: SHOP_MENU_READ }),
    headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING },
  });
  await load(500, plan.warmUpSeconds);
  const name = `tRPC listProducts (${plan.products} products)`;
  const fixed = await load(plan.rate, plan.windowSeconds);
  figures.push(...fixedRateFigures(name, plan.rate, fixed, 20));
  const { summary: flatOut, cpuUsPerAnswer } = await flatOutWindow(
    load,
    plan.windowSeconds,
    checkoutPid,
  );
  figures.push(
    figure(`${name} flat out: throughput`, flatOut.throughput, 'req/s'),
    figure(`${name} flat out: p99`, flatOut.p99, 'ms'),
  );
  if (cpuUsPerAnswer !== undefined) {
    figures.push(figure(`${name} flat out: checkout CPU per read`, cpuUsPerAnswer, 'µs'));
  }
  return {
    id: 'product-list',
    title: 'The shop’s menu of 500 products',
    figures,
    notes: [
      `${plan.products} products on sale, added through the merchant API (POST /api/v1/products) to the running checkout, and retired after the case; read as the shop's page reads them: GET ${SHOP_MENU_READ.split('?')[0]} (httpBatchLink's batch of one) with Chromium's Accept-Encoding (${BROWSER_ACCEPT_ENCODING}), so the answer is the gzipped body prepared once per catalogue version (server/http/trpc-product-list.ts); every read is a full 200, no If-None-Match.`,
      `Fixed rate: autocannon's overallRate over ${plan.fixedRateConnections} connections, ${plan.windowSeconds} s after a ${plan.warmUpSeconds} s warm-up at 500/s, with the status reads' targets (at least ${KEEP_UP_SHARE * 100} % of the rate served, p99 under 20 ms, no errors); flat out: ${plan.flatOutConnections} connections, closed loop, one window.`,
    ],
  };
}
