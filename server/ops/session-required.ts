// The sign-in check in front of every /ops route but the sign-in page itself: a live session (its cookie
// matched in the session store) goes on with res.locals.sessionId; a GET goes to sign-in, a POST gets 401.
import type { RequestHandler } from 'express';
import { cookieValue, SESSION_COOKIE } from './sign-in-cookie';
import type { SessionStore } from './session-store';

export function sessionRequired(sessions: SessionStore): RequestHandler {
  return async (req, res, next) => {
    const session = await sessions.find(cookieValue(req, SESSION_COOKIE));
    if (session) {
      res.locals.sessionId = session.id;
      next();
      return;
    }
    if (req.method === 'GET') res.redirect(303, '/ops/sign-in');
    else res.status(401).json({ error: { code: 'unauthorized', message: 'Sign in first' } });
  };
}
