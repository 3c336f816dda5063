// The sign-in lockout counts refused attempts per client IP; behind a proxy without TRUST_PROXY (or on a
// shared office address) a stranger's 20 wrong tokens would lock the operators out too. A browser that
// has signed in before carries a device cookie (a random id and its HMAC under ADMIN_TOKEN, which no
// stranger can forge) and is counted on its own, so it signs in through a lockout strangers caused.
import { createHmac, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { cookieValue, tokenMatches } from './sign-in-cookie';

export const DEVICE_COOKIE = 'ops_device';
const DEVICE_MS = 90 * 24 * 60 * 60_000;
const DEVICE_SHAPE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export interface OperatorDevices {
  /** The id of the signed-in-before browser this request comes from, or undefined. */
  idOf(req: Request): string | undefined;
  /** After a sign-in: the browser keeps (or gets) its device cookie. */
  remember(req: Request, res: Response, secure: boolean): void;
}

export function operatorDevices(adminToken: string): OperatorDevices {
  const tagOf = (id: string) =>
    createHmac('sha256', adminToken).update(`ops-device|${id}`).digest('base64url');
  const idOf = (req: Request) => {
    const match = DEVICE_SHAPE.exec(cookieValue(req, DEVICE_COOKIE) ?? '');
    return match && tokenMatches(tagOf(match[1]!), match[2]) ? match[1] : undefined;
  };
  return {
    idOf,
    remember(req, res, secure) {
      const id = idOf(req) ?? randomBytes(16).toString('base64url');
      res.cookie(DEVICE_COOKIE, `${id}.${tagOf(id)}`, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/ops/sign-in',
        maxAge: DEVICE_MS,
      });
    },
  };
}
