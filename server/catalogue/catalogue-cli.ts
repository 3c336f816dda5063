// npm run catalogue -- import products.csv [--apply] | export: the catalogue's CSV from the command line
// (catalogue-command.ts). With the embedded PGlite, stop `npm start` first: one process holds its folder.
import { withMigratedDatabase } from '../cli-database';
import { runCatalogueCommand } from './catalogue-command';

function main(): Promise<number> {
  return withMigratedDatabase((env, database) =>
    runCatalogueCommand(
      process.argv.slice(2),
      { db: database.db, maxAmount: env.orders.maxAmount },
      {
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(`${text}\n`),
      },
    ),
  );
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
