// npm run catalogue -- import products.csv [--apply] | export: the catalogue's CSV from the command line
// (catalogue-command.ts). With the embedded PGlite, stop `npm start` first: one process holds its folder.
import { createDb } from '../../db/create-db';
import { migrate } from '../../db/migrate';
import { EnvError, loadEnv } from '../env';
import { runCatalogueCommand } from './catalogue-command';

async function main(): Promise<number> {
  let env;
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
    return await runCatalogueCommand(
      process.argv.slice(2),
      { db: database.db, maxAmount: env.orders.maxAmount },
      {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(`${text}\n`),
      },
    );
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
