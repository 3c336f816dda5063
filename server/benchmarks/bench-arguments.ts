// The command line of `npm run bench`: the case names `--only a,b` picks from, which of them need the
// running checkout, the `--profile DIR` folder, and the command as the report prints it.
import path from 'node:path';

/** The URL without its password, to print in the report. */
export function shownUrl(url: string): string {
  const shown = new URL(url);
  shown.password = '';
  return shown.href;
}

/** The cases that run against one running checkout (the others open the database or start their own). */
export const CHECKOUT_CASES = [
  'callback-ingest',
  'status-reads',
  'create-payment',
  'shopper',
  'deployment',
  'merchant-api',
  'product-list',
] as const;
export const CASE_IDS = [...CHECKOUT_CASES, 'poller-claim', 'startup'] as const;
export type CaseId = (typeof CASE_IDS)[number];

/** The cases named by `--only a,b` (all of them without it); an unknown name stops the run. */
export function selectedCases(argv: readonly string[]): Set<CaseId> | undefined {
  const at = argv.indexOf('--only');
  if (at === -1) return undefined;
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(CASE_IDS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes a comma-separated list of: ${CASE_IDS.join(', ')}`);
  }
  return new Set(names as CaseId[]);
}

/** The folder named by `--profile DIR`, if given. */
export function profileFolder(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--profile');
  if (at === -1) return undefined;
  const folder = argv[at + 1];
  if (!folder || folder.startsWith('--')) throw new Error('--profile takes a folder to write to');
  return path.resolve(folder);
}
