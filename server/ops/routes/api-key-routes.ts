// The operator's API keys page (/ops/api-keys): list, create (the key shown once, on the answer to the
// form, never in a URL or a log) and revoke after a confirmation step. Mounted by operator-routes.ts after
// its same-origin and sign-in checks, so every route here needs a session and a same-site form.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../../db/create-db';
import type { Logger } from '../../logger';
import {
  apiKeyNameSchema,
  findApiKey,
  issueApiKey,
  listApiKeys,
  revokeApiKey,
} from '../../api-keys/api-keys';
import { sendOperatorPage } from '../operator-page-response';
import { apiKeyRevokePage, apiKeysPage, notFoundPage } from '../operator-pages';

export interface ApiKeyRoutesDeps {
  db: Database;
  log: Logger;
}

const createForm = z.object({ name: apiKeyNameSchema });

export function apiKeyRoutes(deps: ApiKeyRoutesDeps): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const { db, log } = deps;

  router.get('/ops/api-keys', async (req, res) => {
    const notice = req.query.notice === 'revoked' ? 'Key revoked.' : undefined;
    sendOperatorPage(res, 200, apiKeysPage({ keys: await listApiKeys(db), notice }));
  });

  router.post('/ops/api-keys', form, async (req, res) => {
    const parsed = createForm.safeParse(req.body);
    if (!parsed.success) {
      const error = `Key not created: name ${parsed.error.issues[0]?.message ?? 'is invalid'}`;
      sendOperatorPage(res, 400, apiKeysPage({ keys: await listApiKeys(db), error }));
      return;
    }
    const created = await issueApiKey(db, parsed.data.name);
    log.info({ apiKeyId: created.id, name: created.name }, 'operator created an API key');
    sendOperatorPage(res, 201, apiKeysPage({ keys: await listApiKeys(db), created }));
  });

  router.get('/ops/api-keys/:id/revoke', async (req, res) => {
    const apiKey = await findApiKey(db, req.params.id);
    if (!apiKey) {
      sendOperatorPage(res, 404, notFoundPage('No such API key'));
      return;
    }
    sendOperatorPage(res, 200, apiKeyRevokePage(apiKey));
  });

  router.post('/ops/api-keys/:id/revoke', async (req, res) => {
    const outcome = await revokeApiKey(db, req.params.id);
    if (outcome === 'not_found') {
      sendOperatorPage(res, 404, notFoundPage('No such API key'));
      return;
    }
    if (outcome === 'revoked') log.info({ apiKeyId: req.params.id }, 'operator revoked an API key');
    res.redirect(303, '/ops/api-keys?notice=revoked');
  });
  return router;
}
