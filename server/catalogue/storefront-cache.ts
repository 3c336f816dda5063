// The storefront (profile + products on sale) each instance serves with the shop's HTML, cached: at most
// once per `checkMs` it reads the profile's version (one tiny query), and reloads only when another
// writer, on this instance or any other, changed something. A change in /ops reaches shoppers within
// about `checkMs`, without a restart.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { shopProfile } from '../../db/schema';
import { listProducts } from '../payments/merchant-orders/catalogue';
import { brandPalette } from './brand-colour';
import { imagePath } from './product-record';
import { readShopProfile } from './shop-profile-service';
import type { StorefrontView } from './storefront-view';

export const STOREFRONT_CHECK_MS = 1_000;

export async function loadStorefront(db: Database): Promise<StorefrontView> {
  const [row, products] = await Promise.all([readShopProfile(db), listProducts(db)]);
  return {
    version: row.version,
    profile: {
      name: row.name,
      tagline: { vi: row.taglineVi, en: row.taglineEn },
      supportPhone: row.supportPhone,
      supportEmail: row.supportEmail,
      logoUrl: imagePath(row.logoImageId),
      faviconUrl: imagePath(row.faviconImageId),
      palette: brandPalette(row.brandColor),
    },
    products,
  };
}

export interface StorefrontCache {
  get(): Promise<StorefrontView>;
}

export function createStorefrontCache(
  db: Database,
  options: { checkMs?: number; now?: () => number } = {},
): StorefrontCache {
  const checkMs = options.checkMs ?? STOREFRONT_CHECK_MS;
  const now = options.now ?? Date.now;
  let current: StorefrontView | undefined;
  let checkedAt = -Infinity;
  let inFlight: Promise<StorefrontView> | undefined;

  async function refresh(): Promise<StorefrontView> {
    const [row] = await db
      .select({ version: shopProfile.version })
      .from(shopProfile)
      .where(eq(shopProfile.id, 1));
    if (!current || row?.version !== current.version) current = await loadStorefront(db);
    checkedAt = now();
    return current;
  }

  return {
    get() {
      if (current && now() - checkedAt < checkMs) return Promise.resolve(current);
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
