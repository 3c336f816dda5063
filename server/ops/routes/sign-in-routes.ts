// /ops/sign-in: the one form that takes ADMIN_TOKEN and opens a session from it, behind a limit on
// refused attempts that strangers cannot use to lock out a browser that signed in before.
import express, { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { Logger } from '../../logger';
import { operatorDevices } from '../operator-device';
import { sendOperatorPage } from '../operator-page-response';
import { signInPage } from '../operator-pages';
import type { SessionStore } from '../session-store';
import { setSessionCookie, tokenMatches } from '../sign-in-cookie';

export interface SignInRoutesDeps {
  adminToken: string;
  sessions: SessionStore;
  log: Logger;
  /** Mark the cookies Secure (the public URL is https). */
  secureCookies: boolean;
}

export function signInRoutes(deps: SignInRoutesDeps): Router {
  const router = Router();
  const { adminToken, sessions, log } = deps;
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  // Only refused attempts count (a sign-in answers 303), so operators signing in lock nobody out; the
  // key is the client's IP, which behind a proxy needs TRUST_PROXY (else every operator shares one), or
  // the device of a browser that signed in before, so that strangers' attempts cannot lock it out.
  const devices = operatorDevices(adminToken);
  const signInAttempts = rateLimit({
    windowMs: 15 * 60_000,
    limit: 20,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => {
      const device = devices.idOf(req);
      return device ? `device:${device}` : ipKeyGenerator(req.ip ?? 'unknown');
    },
    // X-Forwarded-For while TRUST_PROXY is off is reported by the forwarded-header watch and /readyz.
    validate: { xForwardedForHeader: false },
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendOperatorPage(res, 429, signInPage('Too many attempts; wait a few minutes.')),
  });

  router.get('/ops/sign-in', (_req, res) => sendOperatorPage(res, 200, signInPage()));
  router.post('/ops/sign-in', signInAttempts, form, async (req, res) => {
    const body: unknown = req.body;
    const token = z.object({ token: z.string() }).safeParse(body).data?.token;
    if (!tokenMatches(adminToken, token)) {
      log.warn({ remoteAddress: req.ip }, 'operator sign-in refused');
      sendOperatorPage(res, 401, signInPage('That token is not right.'));
      return;
    }
    const secret = await sessions.open({
      remoteAddress: req.ip,
      userAgent: req.get('user-agent'),
    });
    log.info({ remoteAddress: req.ip }, 'operator signed in');
    setSessionCookie(res, secret, deps.secureCookies);
    devices.remember(req, res, deps.secureCookies);
    res.redirect(303, '/ops');
  });
  return router;
}
