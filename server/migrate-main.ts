// `npm run migrate` (node dist/server/migrate.js in a production build): applies the migrations to the
// configured database and exits, for a deploy step that runs before instances started with
// MIGRATE_ON_START=false. Safe beside instances migrating at start: all take the same advisory lock.
import { EnvError, loadEnv } from './env';
import { createDb } from '../db/create-db';
import { migrate, migrationsApplied } from '../db/migrate';

let env;
try {
  env = loadEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const database = await createDb({ databaseUrl: env.databaseUrl, dataDir: env.pgliteDataDir });
try {
  const before = await migrationsApplied(database.db);
  await migrate(database);
  const after = await migrationsApplied(database.db);
  console.log(
    `Migrations: ${after.applied} of ${after.expected} applied (${after.applied - before.applied} now) on ${database.driver === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${env.pgliteDataDir})`}`,
  );
} finally {
  await database.close();
}
