// Sign-in for the operator pages: the ADMIN_TOKEN is compared in constant time, and the browser gets a
// session cookie that is an expiry signed with the token (HMAC), never the token itself.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'ops_session';
const SESSION_MS = 8 * 60 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokenMatches(adminToken: string, offered: unknown): boolean {
  return typeof offered === 'string' && timingSafeEqual(sha256(adminToken), sha256(offered));
}

function sessionSignature(adminToken: string, expiresAtMs: number): Buffer {
  return createHmac('sha256', adminToken).update(`ops-session|${expiresAtMs}`).digest();
}

export function newSessionValue(adminToken: string, nowMs: number): string {
  const expiresAtMs = nowMs + SESSION_MS;
  return `${expiresAtMs}.${sessionSignature(adminToken, expiresAtMs).toString('base64url')}`;
}

export function sessionIsValid(
  adminToken: string,
  value: string | undefined,
  nowMs: number,
): boolean {
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match?.[1] || !match[2]) return false;
  const expiresAtMs = Number(match[1]);
  const offered = Buffer.from(match[2], 'base64url');
  const expected = sessionSignature(adminToken, expiresAtMs);
  return timingSafeEqual(expected, offered) && expiresAtMs > nowMs;
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
