// The catalogue's CSV on /ops, as `npm run catalogue` does it: export, then import in two steps (a
// preview that writes nothing, then "Apply all rows" in one transaction); a bad row comes back on the
// Products page naming its line and column.
import express, { Router, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { Database } from '../../../db/create-db';
import { operatorActor } from '../../catalogue/catalogue-changes';
import { readCatalogueCsv, writeCatalogueCsv } from '../../catalogue/catalogue-csv';
import { CatalogueError } from '../../catalogue/catalogue-errors';
import { applyImport, planImport } from '../../catalogue/catalogue-import';
import type { CatalogueService } from '../../catalogue/catalogue-service';
import type { Logger } from '../../logger';
import { sendOperatorPage } from '../operator-page-response';
import { importPreviewPage } from '../operator-pages';

/** A catalogue of a few thousand products is well under this. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

export interface CatalogueCsvRoutesDeps {
  db: Database;
  catalogue: CatalogueService;
  maxAmount: number;
  log: Logger;
  /** Renders the Products page (catalogue-ops-routes.ts) with an error. */
  showProducts(res: Response, status: number, extra: { error: string }): Promise<void>;
}

export function catalogueCsvRoutes(deps: CatalogueCsvRoutesDeps): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 2 },
  }).single('csv');
  const applyForm = express.urlencoded({ extended: false, limit: MAX_CSV_BYTES * 2 });

  router.get('/ops/catalogue.csv', async (_req, res) => {
    const csv = writeCatalogueCsv(await deps.catalogue.list());
    res
      .status(200)
      .set({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="catalogue.csv"',
        'cache-control': 'no-store',
      })
      .send(csv);
  });

  router.post('/ops/catalogue/import', async (req, res) => {
    const problem = await new Promise<string | undefined>((resolve) => {
      void upload(req, res, (error?: unknown) =>
        resolve(
          error instanceof multer.MulterError
            ? `csv: ${error.code === 'LIMIT_FILE_SIZE' ? `is over ${MAX_CSV_BYTES} bytes` : error.message}`
            : error
              ? 'csv: could not be read'
              : undefined,
        ),
      );
    });
    const text = req.file?.buffer.toString('utf8');
    if (problem || text === undefined) {
      await deps.showProducts(res, 400, {
        error: `Not imported: ${problem ?? 'csv: choose a file'}`,
      });
      return;
    }
    try {
      const rows = readCatalogueCsv(text, deps.maxAmount);
      const steps = planImport(await deps.catalogue.list(), rows);
      sendOperatorPage(res, 200, importPreviewPage({ steps, csv: text }));
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      await deps.showProducts(res, 400, { error: `Not imported: ${error.sentence}` });
    }
  });

  router.post('/ops/catalogue/import/apply', applyForm, async (req, res) => {
    const text = z.object({ csv: z.string() }).safeParse(req.body).data?.csv;
    if (text === undefined) {
      await deps.showProducts(res, 400, { error: 'Not imported: csv: missing' });
      return;
    }
    try {
      const rows = readCatalogueCsv(text, deps.maxAmount);
      const steps = await applyImport(
        deps.db,
        deps.catalogue,
        operatorActor(String(res.locals.sessionId)),
        rows,
      );
      deps.log.info({ rows: steps.length }, 'operator imported the catalogue');
      res.redirect(303, '/ops/products?notice=imported');
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      await deps.showProducts(res, 400, { error: `Not imported: ${error.sentence}` });
    }
  });

  return router;
}
