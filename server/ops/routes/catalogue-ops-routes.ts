// The signed-in /ops pages of the catalogue and the shop profile (mounted inside operator-routes.ts, so
// behind its sign-in and same-origin checks): Products (add, edit, retire, restore, CSV import and export)
// and Shop. Every write goes through the catalogue services, whose refusals come back on the page, 400,
// naming the field; uploads are read by multer into memory, within IMAGE_MAX_BYTES.
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import type { Database } from '../../../db/create-db';
import { brandPalette } from '../../catalogue/brand-colour';
import {
  listChanges,
  operatorActor,
  productSubject,
  SHOP_SUBJECT,
} from '../../catalogue/catalogue-changes';
import { CatalogueError, invalidInput } from '../../catalogue/catalogue-errors';
import type { CatalogueService } from '../../catalogue/catalogue-service';
import { saveImage } from '../../catalogue/image-store';
import type { ShopProfileService } from '../../catalogue/shop-profile-service';
import type { Logger } from '../../logger';
import { catalogueCsvRoutes } from './catalogue-csv-routes';
import { sendOperatorPage } from '../operator-page-response';
import { notFoundPage, productPage, productsPage, shopProfilePage } from '../operator-pages';

export interface CatalogueOpsDeps {
  db: Database;
  catalogue: CatalogueService;
  shop: ShopProfileService;
  imageMaxBytes: number;
  maxAmount: number;
  log: Logger;
}

const NOTICES: Record<string, string> = {
  added: 'Product added: shoppers see it within seconds.',
  saved: 'Saved: shoppers see the change within seconds.',
  retired: 'Retired: it is no longer sold (orders already placed keep it).',
  restored: 'Restored: it is on sale again.',
  imported: 'Import applied: every row.',
};

const PRODUCT_FIELDS = [
  'sku',
  'name_vi',
  'name_en',
  'unit_price',
  'description_vi',
  'description_en',
  'position',
] as const;
const SHOP_FIELDS = [
  'name',
  'tagline_vi',
  'tagline_en',
  'support_phone',
  'support_email',
  'brand_color',
  'order_description',
] as const;

/** The form's own fields only, as text; an empty position means "leave it" (or "after the others"). */
function formFields(body: unknown, fields: readonly string[]): Record<string, string> {
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const picked: Record<string, string> = {};
  for (const field of fields) {
    const value = source[field];
    if (typeof value === 'string') picked[field] = value;
  }
  if (picked.position?.trim() === '') delete picked.position;
  return picked;
}

const noticeOf = (req: Request) =>
  typeof req.query.notice === 'string' ? NOTICES[req.query.notice] : undefined;

export function catalogueOpsRoutes(deps: CatalogueOpsDeps): Router {
  const router = Router();
  const uploads = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.imageMaxBytes, files: 2, fields: 20, fieldSize: 8 * 1024 },
  });

  /** Reads a multipart form; a file over the limit is the field's own 400. */
  function receive(req: Request, res: Response, files: string[]): Promise<void> {
    const handler = uploads.fields(files.map((name) => ({ name, maxCount: 1 })));
    return new Promise((resolve, reject) => {
      void handler(req, res, (error?: unknown) => {
        if (error instanceof multer.MulterError) {
          reject(
            error.code === 'LIMIT_FILE_SIZE'
              ? invalidInput(
                  error.field ?? 'image',
                  `is over ${deps.imageMaxBytes} bytes (IMAGE_MAX_BYTES)`,
                )
              : invalidInput(error.field ?? 'form', error.message),
          );
        } else if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve();
      });
    });
  }

  /** The uploaded file of `field`, checked and stored; undefined when none was sent. */
  async function uploaded(req: Request, field: string): Promise<string | undefined> {
    const files = req.files as Record<string, Express.Multer.File[] | undefined> | undefined;
    const file = files?.[field]?.[0];
    if (!file || file.size === 0) return undefined;
    return saveImage(deps.db, field, file.buffer, deps.imageMaxBytes);
  }

  const actorOf = (res: Response) => operatorActor(String(res.locals.sessionId));

  async function showProducts(res: Response, status: number, extra: object = {}) {
    const [products, changes] = await Promise.all([
      deps.catalogue.list(),
      listChanges(deps.db, { limit: 30 }),
    ]);
    sendOperatorPage(res, status, productsPage({ products, changes, ...extra }));
  }

  async function showProduct(res: Response, sku: string, status: number, extra: object = {}) {
    const product = await deps.catalogue.get(sku).catch(() => undefined);
    if (!product) {
      sendOperatorPage(res, 404, notFoundPage(`No product ${sku}`));
      return;
    }
    const changes = await listChanges(deps.db, { subject: productSubject(sku) });
    sendOperatorPage(res, status, productPage({ product, changes, ...extra }));
  }

  async function showShop(res: Response, status: number, extra: object = {}) {
    const profile = await deps.shop.get();
    const changes = await listChanges(deps.db, { subject: SHOP_SUBJECT });
    const palette = brandPalette(profile.brand_color);
    sendOperatorPage(res, status, shopProfilePage({ profile, palette, changes, ...extra }));
  }

  router.get('/ops/products', (req, res) => showProducts(res, 200, { notice: noticeOf(req) }));

  router.post('/ops/products', async (req, res) => {
    let draft: Record<string, string> = {};
    try {
      await receive(req, res, ['image']);
      draft = formFields(req.body, PRODUCT_FIELDS);
      const imageId = await uploaded(req, 'image');
      const product = await deps.catalogue.create(actorOf(res), draft, { imageId });
      deps.log.info({ sku: product.sku }, 'operator added a product');
      res.redirect(303, '/ops/products?notice=added');
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      await showProducts(res, error.httpStatus, { error: `Not added: ${error.sentence}`, draft });
    }
  });

  router.get('/ops/products/:sku', (req, res) =>
    showProduct(res, req.params.sku, 200, { notice: noticeOf(req) }),
  );

  router.post('/ops/products/:sku', async (req, res) => {
    const { sku } = req.params;
    let draft: Record<string, string> = {};
    try {
      await receive(req, res, ['image']);
      draft = formFields(req.body, PRODUCT_FIELDS);
      const removeImage = (req.body as Record<string, unknown> | undefined)?.remove_image === '1';
      const imageId = (await uploaded(req, 'image')) ?? (removeImage ? null : undefined);
      const product = await deps.catalogue.update(actorOf(res), sku, { patch: draft, imageId });
      deps.log.info({ sku: product.sku }, 'operator changed a product');
      res.redirect(303, `/ops/products/${encodeURIComponent(product.sku)}?notice=saved`);
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      if (error.code === 'not_found') {
        sendOperatorPage(res, 404, notFoundPage(`No product ${sku}`));
        return;
      }
      await showProduct(res, sku, error.httpStatus, {
        error: `Not saved: ${error.sentence}`,
        draft,
      });
    }
  });

  for (const [action, method] of [
    ['retire', 'retire'],
    ['restore', 'restore'],
  ] as const) {
    router.post(`/ops/products/:sku/${action}`, async (req, res) => {
      try {
        await deps.catalogue[method](actorOf(res), req.params.sku);
      } catch (error) {
        if (!(error instanceof CatalogueError)) throw error;
        sendOperatorPage(res, 404, notFoundPage(`No product ${req.params.sku}`));
        return;
      }
      deps.log.info({ sku: req.params.sku }, `operator ${action}d a product`);
      res.redirect(303, `/ops/products?notice=${action}d`);
    });
  }

  router.use(catalogueCsvRoutes({ ...deps, showProducts }));

  router.get('/ops/shop', (req, res) => showShop(res, 200, { notice: noticeOf(req) }));

  router.post('/ops/shop', async (req, res) => {
    let draft: Record<string, string> = {};
    try {
      await receive(req, res, ['logo', 'favicon']);
      draft = formFields(req.body, SHOP_FIELDS);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const logoImageId =
        (await uploaded(req, 'logo')) ?? (body.remove_logo === '1' ? null : undefined);
      const faviconImageId =
        (await uploaded(req, 'favicon')) ?? (body.remove_favicon === '1' ? null : undefined);
      await deps.shop.update(actorOf(res), draft, { logoImageId, faviconImageId });
      deps.log.info('operator changed the shop profile');
      res.redirect(303, '/ops/shop?notice=saved');
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      await showShop(res, error.httpStatus, { error: `Not saved: ${error.sentence}`, draft });
    }
  });

  return router;
}
