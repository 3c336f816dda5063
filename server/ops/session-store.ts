// Server-side operator sessions: the cookie holds a random secret, the database its HMAC under
// ADMIN_TOKEN. A session is valid while it is neither expired nor revoked: signing out revokes it at
// once, /ops/sessions lists and revokes the others, and a new ADMIN_TOKEN matches none of them.
import { createHmac, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { operatorSessions, type OperatorSession } from '../../db/schema';

export const SESSION_MS = 8 * 60 * 60_000;
/** Ended sessions are kept in the table this long (for an investigation), then a sign-in deletes them. */
const KEPT_AFTER_EXPIRY_MS = 7 * 24 * 60 * 60_000;
/** 32 random bytes, base64url: what the cookie carries. */
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface SessionStore {
  /** Opens a session; resolves with the cookie's secret (shown to nobody else, stored only hashed). */
  open(client: {
    remoteAddress: string | undefined;
    userAgent: string | undefined;
  }): Promise<string>;
  /** The live session this secret opens, or undefined. */
  find(secret: string | undefined): Promise<OperatorSession | undefined>;
  /** Ends a session now; true if it was live. */
  revoke(id: string): Promise<boolean>;
  /** Live sessions, newest first. */
  listLive(): Promise<OperatorSession[]>;
}

export function sessionStore(db: Database, adminToken: string, now: () => Date): SessionStore {
  const hashOf = (secret: string) =>
    createHmac('sha256', adminToken).update(`ops-session|${secret}`).digest('base64url');
  const live = () => and(isNull(operatorSessions.revokedAt), gt(operatorSessions.expiresAt, now()));

  return {
    async open({ remoteAddress, userAgent }) {
      const secret = randomBytes(32).toString('base64url');
      const at = now();
      await db
        .delete(operatorSessions)
        .where(lt(operatorSessions.expiresAt, new Date(at.getTime() - KEPT_AFTER_EXPIRY_MS)));
      await db.insert(operatorSessions).values({
        secretHash: hashOf(secret),
        remoteAddress: remoteAddress ?? null,
        userAgent: userAgent?.slice(0, 200) ?? null,
        createdAt: at,
        expiresAt: new Date(at.getTime() + SESSION_MS),
      });
      return secret;
    },
    async find(secret) {
      if (!secret || !SECRET_SHAPE.test(secret)) return undefined;
      const [session] = await db
        .select()
        .from(operatorSessions)
        .where(and(eq(operatorSessions.secretHash, hashOf(secret)), live()));
      return session;
    },
    async revoke(id) {
      const revoked = await db
        .update(operatorSessions)
        .set({ revokedAt: now() })
        .where(and(eq(operatorSessions.id, id), live()))
        .returning({ id: operatorSessions.id });
      return revoked.length > 0;
    },
    listLive() {
      return db
        .select()
        .from(operatorSessions)
        .where(live())
        .orderBy(desc(operatorSessions.createdAt))
        .limit(200);
    },
  };
}
