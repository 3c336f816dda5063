// Sign-in for the operator pages: the ADMIN_TOKEN is compared in constant time, and the browser gets a
// cookie holding a random session secret (session-store.ts), never the token itself.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { SESSION_MS } from './session-store';

export const SESSION_COOKIE = 'ops_session';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokenMatches(adminToken: string, offered: unknown): boolean {
  return typeof offered === 'string' && timingSafeEqual(sha256(adminToken), sha256(offered));
}

export function cookieValue(req: Request, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site can make the browser send it), /ops only. */
export function setSessionCookie(res: Response, value: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/ops',
    maxAge: SESSION_MS,
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/ops' });
}
