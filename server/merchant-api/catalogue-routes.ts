// The merchant API's catalogue and shop endpoints, on the same services and rules as /ops and the CSV:
// GET/POST /api/v1/products, PATCH /api/v1/products/{sku}, GET/PATCH /api/v1/shop. Mounted behind the
// /api/v1 key check (v1-router.ts), which names the caller for the audit record.
import { z } from 'zod';
import type { Database } from '../../db/create-db';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { ShopProfileService } from '../catalogue/shop-profile-service';
import { imagePath, type ProductRecord } from '../catalogue/product-record';
import type { Logger } from '../logger';
import { apiKeyOf } from './api-key-auth';
import { idempotency } from './idempotency';
import type { MerchantApiRoutes } from './v1-router';

export interface CatalogueRoutesDeps {
  db: Database;
  log: Logger;
  catalogue: CatalogueService;
  shop: ShopProfileService;
}

/** A product as the API answers it (the CSV's field names, and where its image is served). */
export const productAnswerSchema = z
  .object({
    sku: z.string().meta({ example: 'ca-phe-sua-da' }),
    name_vi: z.string(),
    name_en: z.string(),
    unit_price: z.int().meta({ example: 29_000 }),
    active: z.boolean(),
    description_vi: z.string().nullable(),
    description_en: z.string().nullable(),
    position: z.int(),
    image_id: z.string().nullable(),
    image_url: z.string().nullable(),
  })
  .meta({ title: 'Product' });

export const productListAnswerSchema = z.object({ products: z.array(productAnswerSchema) });

export const shopAnswerSchema = z
  .object({
    name: z.string().meta({ example: 'Cà Phê Demo' }),
    tagline_vi: z.string(),
    tagline_en: z.string(),
    support_phone: z.string().nullable(),
    support_email: z.string().nullable(),
    brand_color: z.string().meta({ example: '#0050c8' }),
    order_description: z.string().meta({ example: 'Đơn hàng {ref}' }),
    logo_image_id: z.string().nullable(),
    favicon_image_id: z.string().nullable(),
  })
  .meta({ title: 'Shop' });

const productAnswer = (product: ProductRecord): z.infer<typeof productAnswerSchema> => ({
  ...product,
  image_url: imagePath(product.image_id),
});

export function catalogueRoutes(deps: CatalogueRoutesDeps): MerchantApiRoutes {
  const actor = (res: Parameters<typeof apiKeyOf>[0]) => `api key ${apiKeyOf(res).name}`;
  return (router) => {
    router.get('/products', async (_req, res) => {
      const products = await deps.catalogue.list();
      res.json({ products: products.map(productAnswer) });
    });

    router.post('/products', idempotency(deps), async (req, res) => {
      const product = await deps.catalogue.create(actor(res), req.body);
      res.status(201).json(productAnswer(product));
    });

    router.patch('/products/:sku', async (req, res) => {
      const product = await deps.catalogue.update(actor(res), req.params.sku, {
        patch: req.body,
      });
      res.json(productAnswer(product));
    });

    router.get('/shop', async (_req, res) => {
      res.json(await deps.shop.get());
    });

    router.patch('/shop', async (req, res) => {
      res.json(await deps.shop.update(actor(res), req.body));
    });
  };
}
