// An operator's sessions: sign out, the list of live sessions (which browsers are signed in) and revoking
// one after a confirmation page; revoking this browser's own session signs it out.
import { Router } from 'express';
import { z } from 'zod';
import type { Logger } from '../../logger';
import { sendOperatorPage } from '../operator-page-response';
import { badRequestPage, notFoundPage, revokeSessionPage, sessionsPage } from '../operator-pages';
import type { SessionStore } from '../session-store';
import { clearSessionCookie } from '../sign-in-cookie';

export interface SessionRoutesDeps {
  sessions: SessionStore;
  log: Logger;
}

const sessionIdSchema = z.uuid();

export function sessionRoutes(deps: SessionRoutesDeps): Router {
  const router = Router();
  const { sessions, log } = deps;

  router.post('/ops/sign-out', async (_req, res) => {
    await sessions.revoke(String(res.locals.sessionId));
    clearSessionCookie(res);
    res.redirect(303, '/ops/sign-in');
  });

  router.get('/ops/sessions', async (req, res) => {
    const live = await sessions.listLive();
    const notice =
      req.query.notice === 'revoked' ? 'Session revoked: that browser is signed out.' : undefined;
    sendOperatorPage(
      res,
      200,
      sessionsPage({ sessions: live, currentId: String(res.locals.sessionId), notice }),
    );
  });

  /** Revoke asks first: which browser, and whether it is this one. */
  router.get('/ops/sessions/:id/revoke', async (req, res) => {
    const id = sessionIdSchema.safeParse(req.params.id);
    const session = id.success
      ? (await sessions.listLive()).find((live) => live.id === id.data)
      : undefined;
    if (!session) {
      sendOperatorPage(
        res,
        404,
        notFoundPage('No live session with that id (already revoked or expired?)'),
      );
      return;
    }
    const isCurrent = session.id === res.locals.sessionId;
    sendOperatorPage(res, 200, revokeSessionPage({ session, isCurrent }));
  });

  router.post('/ops/sessions/:id/revoke', async (req, res) => {
    const id = sessionIdSchema.safeParse(req.params.id);
    if (!id.success) {
      sendOperatorPage(res, 400, badRequestPage('id: not a session id'));
      return;
    }
    await sessions.revoke(id.data);
    log.info({ sessionId: id.data }, 'operator session revoked');
    if (id.data === res.locals.sessionId) {
      clearSessionCookie(res);
      res.redirect(303, '/ops/sign-in');
      return;
    }
    res.redirect(303, '/ops/sessions?notice=revoked');
  });
  return router;
}
