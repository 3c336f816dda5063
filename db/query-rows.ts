// Runs a raw SQL query on either driver and parses its rows with zod: postgres.js answers execute() with
// an array of rows, PGlite with { rows }, and callers (migrations, readiness, benchmarks) read both alike.
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from './database-handle';

const resultSchema = z.union([
  z.array(z.unknown()),
  z.object({ rows: z.array(z.unknown()) }).transform((result) => result.rows),
]);

export async function queryRows<Row>(
  db: Database,
  query: SQL,
  rowSchema: z.ZodType<Row>,
): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return z.array(rowSchema).parse(resultSchema.parse(result));
}

export async function queryCount(db: Database, query: SQL): Promise<number> {
  const [row] = await queryRows(db, query, z.object({ count: z.coerce.number() }));
  return row?.count ?? 0;
}
