// What the command-line tools (npm run api-keys, npm run catalogue) do before and after their work: read
// the settings (a bad one exits 2 with its message), open and migrate the database, and close it whatever
// happens. With the embedded PGlite, one process holds its folder: stop `npm start` first.
import { createDb, type DatabaseHandle } from '../db/create-db';
import { migrate } from '../db/migrate';
import { EnvError, loadEnv, type Env } from './env';

export async function withMigratedDatabase(
  work: (env: Env, database: DatabaseHandle) => Promise<number>,
): Promise<number> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    return 2;
  }
  const database = await createDb({ databaseUrl: env.databaseUrl, dataDir: env.pgliteDataDir });
  try {
    await migrate(database);
    return await work(env, database);
  } finally {
    await database.close();
  }
}
