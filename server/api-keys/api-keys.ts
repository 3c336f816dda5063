// Merchant API keys: issue, list, revoke and authenticate. A key is `ck_` and 43 base64url
// characters (256 random bits); only its SHA-256 is stored, with its last four characters for people.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/create-db';
import { queryRows } from '../../db/query-rows';
import { merchantApiKeys } from '../../db/schema';

export const API_KEY_PREFIX = 'ck_';
/** What a key looks like: anything else is refused without a database read. */
const KEY_SHAPE = /^ck_[A-Za-z0-9_-]{43}$/;
/** last_used_at is written at most this often per key, so a busy key does not write on every call. */
const LAST_USED_PRECISION_SECONDS = 60;
export const MAX_KEY_NAME_CHARS = 100;

/** A key's name as a person types it: 1 to 100 characters, no control characters. */
export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_KEY_NAME_CHARS, `must be at most ${MAX_KEY_NAME_CHARS} characters`)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

/** The key the API authenticated: what a route may know of its caller (never the key itself). */
export interface AuthenticatedApiKey {
  id: string;
  name: string;
}

/** A key as the operator sees it: never the key, never its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  lastFour: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface IssuedApiKey extends ApiKeySummary {
  /** The key itself: shown once, stored nowhere. */
  key: string;
}

export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

const UUID = z.uuid();

const summaryColumns = {
  id: merchantApiKeys.id,
  name: merchantApiKeys.name,
  lastFour: merchantApiKeys.lastFour,
  createdAt: merchantApiKeys.createdAt,
  lastUsedAt: merchantApiKeys.lastUsedAt,
  revokedAt: merchantApiKeys.revokedAt,
};

/** Stores a new key under `name` (checked with apiKeyNameSchema; throws its ZodError) and returns it once. */
export async function issueApiKey(db: Database, name: string): Promise<IssuedApiKey> {
  const checkedName = apiKeyNameSchema.parse(name);
  const key = newApiKey();
  const [row] = await db
    .insert(merchantApiKeys)
    .values({ name: checkedName, keyHash: hashApiKey(key), lastFour: key.slice(-4) })
    .returning(summaryColumns);
  if (!row) throw new Error('The new API key was not stored');
  return { ...row, key };
}

/** Every key, newest first, revoked ones included. */
export function listApiKeys(db: Database): Promise<ApiKeySummary[]> {
  return db.select(summaryColumns).from(merchantApiKeys).orderBy(desc(merchantApiKeys.createdAt));
}

/** One key by id, or undefined (an id that is not a UUID included). */
export async function findApiKey(db: Database, id: string): Promise<ApiKeySummary | undefined> {
  if (!UUID.safeParse(id).success) return undefined;
  const [row] = await db
    .select(summaryColumns)
    .from(merchantApiKeys)
    .where(eq(merchantApiKeys.id, id));
  return row;
}

export type RevokeOutcome = 'revoked' | 'already_revoked' | 'not_found';

/** Revokes a key by id: from the next request on, on every instance, it authenticates nothing. */
export async function revokeApiKey(db: Database, id: string): Promise<RevokeOutcome> {
  if (!UUID.safeParse(id).success) return 'not_found';
  const [revoked] = await db
    .update(merchantApiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(merchantApiKeys.id, id), isNull(merchantApiKeys.revokedAt)))
    .returning({ id: merchantApiKeys.id });
  if (revoked) return 'revoked';
  const [existing] = await db
    .select({ id: merchantApiKeys.id })
    .from(merchantApiKeys)
    .where(eq(merchantApiKeys.id, id));
  return existing ? 'already_revoked' : 'not_found';
}

const authenticatedRow = z.object({ id: z.string(), name: z.string() });

/**
 * The key a caller presented, if it is a live key: read from the database on every call, so a revocation
 * is seen at once by every instance. One statement also notes when the key was last used (per minute).
 */
export async function authenticateApiKey(
  db: Database,
  presented: string,
): Promise<AuthenticatedApiKey | undefined> {
  if (!KEY_SHAPE.test(presented)) return undefined;
  const [row] = await queryRows(
    db,
    sql`with live as (
          select id, name, last_used_at from merchant_api_keys
          where key_hash = ${hashApiKey(presented)} and revoked_at is null
        ), touched as (
          update merchant_api_keys k set last_used_at = now() from live
          where k.id = live.id and (live.last_used_at is null
            or live.last_used_at < now() - make_interval(secs => ${LAST_USED_PRECISION_SECONDS}))
        )
        select id::text as id, name from live`,
    authenticatedRow,
  );
  return row;
}
