// What the shop's page carries: every instance's storefront cache notices a change made through another
// handle within its check interval; the profile's template names new orders (old ones keep theirs); the
// brand palette keeps AA contrast for a light and a dark colour; and the page's HTML escapes the shop.
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecondHandle } from '../testing/test-database';
import { merchantOrders } from '../../db/schema';
import type { DatabaseHandle } from '../../db/create-db';
import { createOrderFromCart } from '../payments/merchant-orders/create-order-from-cart';
import {
  createTestDatabase,
  testDatabaseDrivers,
  type TestDatabase,
} from '../testing/test-database';
import { storefrontHtml } from '../http/storefront-html';
import { AA_TEXT_CONTRAST, brandPalette, contrastRatio } from './brand-colour';
import { createCatalogueService } from './catalogue-service';
import { createShopProfileService } from './shop-profile-service';
import { createStorefrontCache, loadStorefront } from './storefront-cache';

describe('brand palette', () => {
  it.each(['#ffd84d', '#ffffff', '#0050c8', '#000000', '#777777', '#e60012'])(
    '%s keeps text on it and links in it at AA contrast',
    (colour) => {
      const palette = brandPalette(colour);
      expect(contrastRatio(palette.brand, palette.onBrand)).toBeGreaterThanOrEqual(
        AA_TEXT_CONTRAST,
      );
      expect(contrastRatio(palette.brandDark, palette.onBrandDark)).toBeGreaterThanOrEqual(
        AA_TEXT_CONTRAST,
      );
      expect(contrastRatio(palette.brandText, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    },
  );
});

describe.each(testDatabaseDrivers())('storefront (%s)', (driver) => {
  let database: TestDatabase;
  let other: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    other = database.url ? await openSecondHandle(database.url) : database;
  });
  afterAll(async () => {
    if (other !== database) await other.close();
    await database.dispose();
  });

  it('a change made through another instance reaches this one after the check interval', async () => {
    let clock = 0;
    const cache = createStorefrontCache(database.db, { checkMs: 1_000, now: () => clock });
    expect((await cache.get()).profile.name).toBe('Cà Phê Demo');
    const shop = createShopProfileService({ db: other.db });
    await shop.update('api', { name: 'Trà Sữa Mây' });
    await createCatalogueService({ db: other.db, maxAmount: 50_000_000 }).retire('api', 'banh-mi');
    clock = 999;
    expect((await cache.get()).profile.name).toBe('Cà Phê Demo');
    clock = 1_000;
    const fresh = await cache.get();
    expect(fresh.profile.name).toBe('Trà Sữa Mây');
    expect(fresh.products.map((product) => product.sku)).not.toContain('banh-mi');
  });

  it("names new orders with the profile's template; an order made before keeps its description", async () => {
    const deps = {
      db: database.db,
      config: { orders: { minAmount: 1_000, maxAmount: 50_000_000 } },
      now: () => new Date(),
    };
    const before = await createOrderFromCart(deps, [{ sku: 'ca-phe-sua-da', quantity: 1 }]);
    expect(before.description).toBe(`Đơn hàng ${before.id}`);
    await createShopProfileService({ db: database.db }).update('api', {
      order_description: 'Trà Sữa Mây – đơn {ref}',
    });
    const after = await createOrderFromCart(deps, [{ sku: 'ca-phe-sua-da', quantity: 1 }]);
    expect(after.description).toBe(`Trà Sữa Mây – đơn ${after.id}`);
    const [stored] = await database.db
      .select()
      .from(merchantOrders)
      .where(eq(merchantOrders.id, before.id));
    expect(stored?.description).toBe(`Đơn hàng ${before.id}`);
  });

  it("puts the shop into the client's index.html: title, favicon and the data block, escaped", async () => {
    const template = await readFile(new URL('../../client/index.html', import.meta.url), 'utf8');
    const view = await loadStorefront(database.db);
    const hostile = {
      ...view,
      profile: {
        ...view.profile,
        name: '</title><script>alert(1)</script>\u2028',
        faviconUrl: '/media/a"b',
      },
    };
    const html = storefrontHtml(template, hostile);
    expect(html).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\u2028</title>',
    );
    expect(html).toContain('<link rel="icon" href="/media/a&quot;b" />');
    expect(html).not.toContain('<script>alert');
    const data = /<script type="application\/json" id="storefront">(.*?)<\/script>/s.exec(
      html,
    )?.[1];
    expect(data).not.toContain('\u2028');
    expect(JSON.parse(data ?? '')).toEqual(hostile);
    expect(html.indexOf('id="storefront"')).toBeLessThan(html.indexOf('<div id="root">'));
  });
});
