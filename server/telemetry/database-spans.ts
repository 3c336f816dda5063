// A span for every database statement, made where drizzle runs it: its prepared queries' execute() and
// all(), for PostgreSQL (postgres.js) and PGlite alike. Installed only by tracing.ts, once.
import { inLeafSpan } from './spans';

interface PreparedQueryPrototype {
  execute(...args: unknown[]): Promise<unknown>;
  all(...args: unknown[]): Promise<unknown>;
}

let installed = false;

export async function traceDatabaseStatements(): Promise<void> {
  if (installed) return;
  installed = true;
  const [postgresJs, pglite] = await Promise.all([
    import('drizzle-orm/postgres-js/session'),
    import('drizzle-orm/pglite/session'),
  ]);
  wrap(
    postgresJs.PostgresJsPreparedQuery.prototype as unknown as PreparedQueryPrototype,
    'postgresql',
  );
  wrap(pglite.PglitePreparedQuery.prototype as unknown as PreparedQueryPrototype, 'pglite');
}

function wrap(prototype: PreparedQueryPrototype, system: string): void {
  for (const method of ['execute', 'all'] as const) {
    const original = prototype[method];
    prototype[method] = function (this: { queryString?: string }, ...args: unknown[]) {
      const text = this.queryString ?? '';
      return inLeafSpan(
        `db ${text.trimStart().split(/\s/, 1)[0]?.toLowerCase() ?? 'statement'}`,
        { 'db.system.name': system, 'db.query.text': text },
        () => original.apply(this, args) as Promise<unknown>,
      );
    };
  }
}
