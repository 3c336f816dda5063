// The merchant API's catalogue and shop endpoints, on the same services and rules as /ops and the CSV:
// GET/POST /api/v1/products, PATCH /api/v1/products/{sku}, GET/PATCH /api/v1/shop. This router checks no
// credential itself: it is mounted behind the /api/v1 API-key middleware, which names the caller.
import express, { Router, type Request, type Response } from 'express';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { ShopProfileService } from '../catalogue/shop-profile-service';
import { imagePath, type ProductRecord } from '../catalogue/product-record';

export interface CatalogueApiDeps {
  catalogue: CatalogueService;
  shop: ShopProfileService;
  /** Who the audit record names: by default the API key the auth middleware put in res.locals.apiKeyId. */
  actorOf?: (req: Request, res: Response) => string;
}

const productBody = (product: ProductRecord) => ({
  ...product,
  image_url: imagePath(product.image_id),
});

function defaultActor(_req: Request, res: Response): string {
  const key: unknown = res.locals.apiKeyId;
  return typeof key === 'string' ? `api key ${key}` : 'api';
}

export function catalogueApiRoutes(deps: CatalogueApiDeps): Router {
  const router = Router();
  const json = express.json({ limit: '16kb' });
  const actorOf = deps.actorOf ?? defaultActor;

  router.get('/api/v1/products', async (_req, res) => {
    const products = await deps.catalogue.list();
    res.json({ products: products.map(productBody) });
  });

  router.post('/api/v1/products', json, async (req, res) => {
    const product = await deps.catalogue.create(actorOf(req, res), req.body);
    res.status(201).json(productBody(product));
  });

  router.patch('/api/v1/products/:sku', json, async (req, res) => {
    const product = await deps.catalogue.update(actorOf(req, res), req.params.sku, {
      patch: req.body,
    });
    res.json(productBody(product));
  });

  router.get('/api/v1/shop', async (_req, res) => {
    res.json(await deps.shop.get());
  });

  router.patch('/api/v1/shop', json, async (req, res) => {
    res.json(await deps.shop.update(actorOf(req, res), req.body));
  });

  return router;
}
