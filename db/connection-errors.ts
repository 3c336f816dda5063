// Tells a lost database connection apart from every other failure. postgres.js can still reject a
// promise nobody holds when the server cuts connections (docs/decisions/006-patching-postgres-js.md):
// such a rejection means "that connection is gone", and the driver reconnects on the next query. A
// request that meets one answers 503 with Retry-After (server/api-errors/error-reply.ts, server/trpc/init.ts).
import { z } from 'zod';

/**
 * PostgreSQL's "operator intervention" class (the server ended this connection: admin, shutdown, crash,
 * not accepting connections yet) and its "connection exception" class 08.
 */
const CONNECTION_ENDED_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
/** postgres.js's own codes for a connection that closed, was destroyed or could not be made. */
const DRIVER_CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);

const codedError = z.looseObject({ code: z.string() });

function isConnectionCode(reason: unknown): boolean {
  const parsed = codedError.safeParse(reason);
  if (!parsed.success) return false;
  return (
    CONNECTION_ENDED_SQLSTATES.has(parsed.data.code) ||
    DRIVER_CONNECTION_CODES.has(parsed.data.code)
  );
}

/** True when the error, or one of its causes (drizzle and tRPC wrap it), is a lost connection. */
export function isDatabaseConnectionError(reason: unknown): boolean {
  let current: unknown = reason;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    if (isConnectionCode(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
