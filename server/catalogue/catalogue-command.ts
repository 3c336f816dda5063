// What `npm run catalogue -- import products.csv [--apply]` and `npm run catalogue -- export` do, apart
// from opening the database (catalogue-cli.ts): a dry run prints what would change and writes nothing;
// --apply applies every row or none; a bad row is named by its line and column, exit code 1.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Database } from '../../db/create-db';
import { CatalogueError } from './catalogue-errors';
import { readCatalogueCsv, writeCatalogueCsv } from './catalogue-csv';
import { applyImport, planImport, type ImportStep } from './catalogue-import';
import { createCatalogueService } from './catalogue-service';

export const CATALOGUE_USAGE =
  'usage: npm run catalogue -- import <file.csv> [--apply] | npm run catalogue -- export';

export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

export function describeSteps(steps: readonly ImportStep[]): string {
  const lines = steps.map((step) =>
    step.action === 'update'
      ? `line ${step.line}: update ${step.sku} (${step.changes.join('; ')})`
      : `line ${step.line}: ${step.action} ${step.sku}`,
  );
  const count = (action: ImportStep['action']) =>
    steps.filter((step) => step.action === action).length;
  lines.push(
    `${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged`,
  );
  return lines.join('\n');
}

/** Runs one command; returns the exit code (0 done, 1 a bad file, 2 a bad command line). */
export async function runCatalogueCommand(
  argv: string[],
  deps: { db: Database; maxAmount: number },
  output: CommandOutput,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { apply: { type: 'boolean', default: false } },
    });
  } catch (error) {
    output.err(`${(error as Error).message}\n${CATALOGUE_USAGE}`);
    return 2;
  }
  const [command, file, ...rest] = parsed.positionals;
  const catalogue = createCatalogueService(deps);
  if (command === 'export' && !file) {
    output.out(writeCatalogueCsv(await catalogue.list()));
    return 0;
  }
  if (command !== 'import' || !file || rest.length > 0) {
    output.err(CATALOGUE_USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    output.err(`${file}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const rows = readCatalogueCsv(text, deps.maxAmount);
    if (!parsed.values.apply) {
      output.out(
        `${describeSteps(planImport(await catalogue.list(), rows))}\nDry run: nothing changed (add --apply to apply).\n`,
      );
      return 0;
    }
    const steps = await applyImport(deps.db, catalogue, 'cli', rows);
    output.out(`${describeSteps(steps)}\nApplied.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof CatalogueError)) throw error;
    output.err(`${file}: ${error.sentence}\nNothing changed.`);
    return 1;
  }
}
