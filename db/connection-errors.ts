// Tells a lost database connection apart from every other failure. postgres.js can still reject a
// promise nobody holds when the server cuts connections (docs/decisions/006-patching-postgres-js.md):
// such a rejection means "that connection is gone", and the driver reconnects on the next query.
import { z } from 'zod';

/** PostgreSQL's "operator intervention" class: the server ended this connection (admin, shutdown, crash). */
const CONNECTION_ENDED_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
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

export function isDatabaseConnectionError(reason: unknown): boolean {
  const parsed = codedError.safeParse(reason);
  if (!parsed.success) return false;
  return (
    CONNECTION_ENDED_SQLSTATES.has(parsed.data.code) ||
    DRIVER_CONNECTION_CODES.has(parsed.data.code)
  );
}
