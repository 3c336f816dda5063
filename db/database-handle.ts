// The database every module is handed, whichever driver create-db.ts opened it with (PGlite or PostgreSQL):
// its drizzle types, apart from the factory, so that migrate.ts and query-rows.ts need not import create-db.ts.
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** The `tx` a drizzle transaction callback receives; code that must run inside one takes this. */
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;

export type DatabaseDriver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** LISTEN on a channel; returns an unlisten function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * PostgreSQL only: runs `run` on a connection of its own (a pool of one), closed afterwards, so that a
   * session-level lock taken on it (db/migrate.ts's advisory lock) covers every statement `run` makes.
   */
  onOwnConnection?<T>(run: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
