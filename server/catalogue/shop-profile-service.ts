// The shop's profile and brand: read, and changed (by the /ops Shop page or the merchant API) under the
// rules of shop-profile-rules.ts, each change recorded (catalogue-changes.ts).
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { shopProfile, type ShopProfileRow } from '../../db/schema';
import { recordChange, SHOP_SUBJECT, type Actor } from './catalogue-changes';
import { CatalogueError } from './catalogue-errors';
import { parseOrThrow } from './product-rules';
import { shopProfilePatchSchema } from './shop-profile-rules';

export interface ShopProfileRecord {
  name: string;
  tagline_vi: string;
  tagline_en: string;
  support_phone: string | null;
  support_email: string | null;
  brand_color: string;
  order_description: string;
  logo_image_id: string | null;
  favicon_image_id: string | null;
}

export function shopProfileRecord(row: ShopProfileRow): ShopProfileRecord {
  return {
    name: row.name,
    tagline_vi: row.taglineVi,
    tagline_en: row.taglineEn,
    support_phone: row.supportPhone,
    support_email: row.supportEmail,
    brand_color: row.brandColor,
    order_description: row.orderDescription,
    logo_image_id: row.logoImageId,
    favicon_image_id: row.faviconImageId,
  };
}

export async function readShopProfile(db: Database): Promise<ShopProfileRow> {
  const [row] = await db.select().from(shopProfile).where(eq(shopProfile.id, 1));
  if (!row) throw new Error('shop_profile has no row: the migrations seed one (0007)');
  return row;
}

/** What may change besides the profile's typed fields: the uploaded logo and favicon. */
export interface ShopImages {
  logoImageId?: string | null;
  faviconImageId?: string | null;
}

export function createShopProfileService(deps: { db: Database; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async get(): Promise<ShopProfileRecord> {
      return shopProfileRecord(await readShopProfile(deps.db));
    },

    async update(actor: Actor, input: unknown, images: ShopImages = {}) {
      const patch = parseOrThrow(shopProfilePatchSchema, input ?? {});
      return deps.db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(shopProfile)
          .where(eq(shopProfile.id, 1))
          .for('update');
        if (!current) throw new CatalogueError('not_found', undefined, 'no shop profile');
        const at = now();
        const values = Object.fromEntries(
          Object.entries({
            name: patch.name,
            taglineVi: patch.tagline_vi,
            taglineEn: patch.tagline_en,
            supportPhone: patch.support_phone,
            supportEmail: patch.support_email,
            brandColor: patch.brand_color,
            orderDescription: patch.order_description,
            logoImageId: images.logoImageId,
            faviconImageId: images.faviconImageId,
          }).filter(([, value]) => value !== undefined),
        );
        const [row] = await tx
          .update(shopProfile)
          .set({ ...values, updatedAt: at })
          .where(eq(shopProfile.id, 1))
          .returning();
        if (!row) throw new CatalogueError('not_found', undefined, 'no shop profile');
        const before = shopProfileRecord(current);
        const after = shopProfileRecord(row);
        if (JSON.stringify(before) !== JSON.stringify(after)) {
          await recordChange(
            tx,
            { actor, subject: SHOP_SUBJECT, action: 'update', before, after },
            at,
          );
        }
        return after;
      });
    },
  };
}

export type ShopProfileService = ReturnType<typeof createShopProfileService>;
