// GET /media/{id}: an uploaded image (server/catalogue/image-store.ts). Its id is the SHA-256 of its
// bytes, so an answer never changes: cached for a year as immutable. Sent with the type its content was
// judged to be, nosniff, and a CSP that lets nothing run even if the file is opened as a page.
import { Router } from 'express';
import type { Database } from '../../db/create-db';
import { readImage } from '../catalogue/image-store';

export function imageRoutes(db: Database): Router {
  const router = Router();
  router.get('/media/:id', async (req, res) => {
    const image = await readImage(db, req.params.id);
    if (!image) {
      res.status(404).json({ error: { code: 'not_found', message: 'No such image' } });
      return;
    }
    res
      .status(200)
      .set({
        'content-type': image.contentType,
        'content-length': String(image.bytes.length),
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'content-disposition': 'inline',
      })
      .end(image.bytes);
  });
  return router;
}
