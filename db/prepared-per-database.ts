// Hot statements are built by drizzle once per database handle and then only executed with new values:
// building a query (its SQL text, its column mapping) costs more CPU than sending it.
import type { Database } from './database-handle';

/** Wraps a builder of a drizzle prepared statement: the first call per database builds it, later calls reuse it. */
export function preparedPerDatabase<Statement>(
  build: (db: Database) => Statement,
): (db: Database) => Statement {
  const built = new WeakMap<Database, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
