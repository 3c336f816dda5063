// What a run leaves behind: docs/benchmarks.json and docs/benchmarks.md for a full run, the figures on
// the console for `--only`, and `--render`'s re-rendering of the markdown from the last run's JSON.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { BenchmarkRun, CaseResult, Figure } from './benchmark-result';
import { CHANGES_MADE, OPEN_MISSES } from './changes-made';
import { formatNumber, renderMarkdown } from './report-markdown';

/** The figures that missed their target. */
export function missedFigures(cases: readonly CaseResult[]): Figure[] {
  return cases.flatMap((c) => c.figures).filter((f) => f.verdict === 'miss');
}

/** `--only`: the figures on the console; the docs stay as they were. */
export function printSelected(cases: readonly CaseResult[]): void {
  for (const result of cases) {
    console.log(`\n${result.title}`);
    for (const f of result.figures) {
      console.log(
        `  ${f.name}: ${formatNumber(f.value)} ${f.unit}${f.verdict ? ` (${f.verdict})` : ''}`,
      );
    }
  }
  console.log(
    `bench: --only given, docs left as they were; ${missedFigures(cases).length} target(s) missed`,
  );
}

/** A full run: docs/benchmarks.json and docs/benchmarks.md, and the misses on the console. */
export async function writeReport(run: BenchmarkRun): Promise<void> {
  const misses = missedFigures(run.cases);
  await mkdir('docs', { recursive: true });
  await writeFile('docs/benchmarks.json', `${JSON.stringify(run, null, 2)}\n`);
  await writeFile('docs/benchmarks.md', renderMarkdown(run));
  console.log(
    `bench: wrote docs/benchmarks.md and docs/benchmarks.json; ${misses.length} target(s) missed`,
  );
  for (const miss of misses) console.log(`  miss: ${miss.name} = ${miss.value} ${miss.unit}`);
}

export async function renderAgain() {
  const run = JSON.parse(await readFile('docs/benchmarks.json', 'utf8')) as BenchmarkRun;
  const updated: BenchmarkRun = { ...run, changes: CHANGES_MADE, openMisses: OPEN_MISSES };
  await writeFile('docs/benchmarks.json', `${JSON.stringify(updated, null, 2)}\n`);
  await writeFile('docs/benchmarks.md', renderMarkdown(updated));
  console.log(`bench: re-rendered docs/benchmarks.md from the run of ${run.date}`);
}
