// The merchant API's Idempotency-Key records in PostgreSQL (merchant_idempotency_keys), so every instance
// sees them: claim a key for a request (one statement, so two instances cannot both claim it), store its
// answer, or release it when the request failed on our side so that a retry runs again.
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/create-db';
import { merchantIdempotencyKeys } from '../../db/schema';

/** A key answers the same for this long after its first request (Stripe's window too). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A request in progress holds its key this long; past it (a crash), a retry may take the key over. */
export const IDEMPOTENCY_LOCK_MS = 60_000;

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; statusCode: number; body: unknown }
  | { kind: 'reused' }
  | { kind: 'in_progress' };

export interface IdempotencyScope {
  apiKeyId: string;
  key: string;
}

/** JSON with object keys sorted at every level: the same body in another key order hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What "the same request" means: the method, the path with its query, and the body. */
export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalJson(body)}`, 'utf8')
    .digest('hex');
}

/**
 * Claims the key for this request, or says why not. A record older than the window, or one whose
 * request crashed (no answer, lock passed) with the same body, is taken over in the same statement.
 */
export async function claimIdempotencyKey(
  db: Database,
  scope: IdempotencyScope,
  hash: string,
  now: Date,
): Promise<IdempotencyClaim> {
  const t = merchantIdempotencyKeys;
  const lockedUntil = new Date(now.getTime() + IDEMPOTENCY_LOCK_MS);
  // The claim need not wait for its own WAL flush: the handler's writes (the order) and the stored
  // answer commit synchronously after it, and their flush carries this record to disk with them. Lost
  // in a crash before either, it had made nothing, and a retry rightly runs again.
  const claimed = await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    return tx
      .insert(t)
      .values({ ...scope, requestHash: hash, lockedUntil, createdAt: now })
      .onConflictDoUpdate({
        target: [t.apiKeyId, t.key],
        set: {
          requestHash: hash,
          lockedUntil,
          createdAt: now,
          statusCode: null,
          responseBody: null,
        },
        setWhere: or(
          lt(t.createdAt, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS)),
          and(isNull(t.statusCode), lt(t.lockedUntil, now), eq(t.requestHash, hash)),
        ),
      })
      .returning({ key: t.key });
  });
  if (claimed.length > 0) return { kind: 'claimed' };
  const [existing] = await db
    .select()
    .from(t)
    .where(and(eq(t.apiKeyId, scope.apiKeyId), eq(t.key, scope.key)));
  // Deleted between the two statements (its request failed and released it): the caller tries again.
  if (!existing) return { kind: 'in_progress' };
  if (existing.requestHash !== hash) return { kind: 'reused' };
  if (existing.statusCode === null) return { kind: 'in_progress' };
  return { kind: 'replay', statusCode: existing.statusCode, body: existing.responseBody };
}

/**
 * Stores the first answer, which every repeat of the request gets from now on; in the handler's own
 * transaction when it passes one (the order and its answer then commit together).
 */
export async function storeIdempotentAnswer(
  db: Database | Transaction,
  scope: IdempotencyScope,
  statusCode: number,
  body: unknown,
): Promise<void> {
  const t = merchantIdempotencyKeys;
  await db
    .update(t)
    .set({ statusCode, responseBody: body ?? null })
    .where(and(eq(t.apiKeyId, scope.apiKeyId), eq(t.key, scope.key), isNull(t.statusCode)));
}

/** Forgets a claim whose request failed on our side (5xx): a retry with the key runs it again. */
export async function releaseIdempotencyKey(db: Database, scope: IdempotencyScope): Promise<void> {
  const t = merchantIdempotencyKeys;
  await db
    .delete(t)
    .where(and(eq(t.apiKeyId, scope.apiKeyId), eq(t.key, scope.key), isNull(t.statusCode)));
}

/** Deletes records past the window (idempotency.ts calls it now and then). */
export async function purgeExpiredIdempotencyKeys(db: Database, now: Date): Promise<void> {
  await db
    .delete(merchantIdempotencyKeys)
    .where(lt(merchantIdempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS)));
}
