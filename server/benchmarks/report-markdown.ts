// Renders a benchmark run as docs/benchmarks.md: the machine, the verdict on every target first, then
// each case's figures with how they were measured, then the fixes made when a target was missed.
import type {
  BenchmarkRun,
  CaseResult,
  ChangeRecord,
  Figure,
  OpenMiss,
  Target,
} from './benchmark-result';

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return '';
  const sign = target.comparison === 'below' ? '<' : '≥';
  return `${sign} ${formatNumber(target.value)} ${unit}`;
}

function verdictCell(item: Figure): string {
  if (!item.verdict) return '';
  return item.verdict === 'pass' ? 'pass' : '**miss**';
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function figureRow(item: Figure, caseTitle?: string): string {
  const cells = [
    ...(caseTitle === undefined ? [] : [caseTitle]),
    item.name,
    `${formatNumber(item.value)} ${item.unit}`,
    formatTarget(item.target, item.unit),
    verdictCell(item),
  ];
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function targetsTable(cases: CaseResult[]): string[] {
  const rows = cases.flatMap((c) =>
    c.figures.filter((f) => f.target).map((f) => figureRow(f, c.title)),
  );
  if (rows.length === 0) return [];
  return ['| case | figure | measured | target | verdict |', '|---|---|---|---|---|', ...rows, ''];
}

function caseSection(result: CaseResult): string[] {
  return [
    `## ${result.title}`,
    '',
    '| figure | measured | target | verdict |',
    '|---|---|---|---|',
    ...result.figures.map((f) => figureRow(f)),
    '',
    ...result.notes.map((note) => `- ${note}`),
    ...(result.notes.length > 0 ? [''] : []),
  ];
}

function changesSection(changes: ChangeRecord[]): string[] {
  if (changes.length === 0) return [];
  return [
    '## What changed because a target was missed',
    '',
    ...changes.flatMap((c) => [
      `### ${c.figure}`,
      '',
      `- Before: ${c.before}`,
      `- Cause: ${c.cause}`,
      `- Change: ${c.change}`,
      `- After: ${c.after}`,
      '',
    ]),
  ];
}

function openMissesSection(misses: OpenMiss[]): string[] {
  if (misses.length === 0) return [];
  return [
    '## Misses profiled but not fixed yet',
    '',
    ...misses.flatMap((m) => [
      `### ${m.figure}`,
      '',
      `- Cause: ${m.cause}`,
      `- Proposed fix: ${m.proposal}`,
      '',
    ]),
  ];
}

export function renderMarkdown(run: BenchmarkRun): string {
  const m = run.machine;
  const misses = run.cases.flatMap((c) => c.figures).filter((f) => f.verdict === 'miss').length;
  const judged = run.cases.flatMap((c) => c.figures).filter((f) => f.verdict).length;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`${run.command}\` on ${run.date} (${run.quick ? 'quick smoke run: short windows, figures are rough' : 'full run'}, ${formatNumber(run.durationSeconds)} s). Do not edit by hand: run it again.`,
    '',
    '| machine | |',
    '|---|---|',
    `| CPU | ${escapeCell(m.cpuModel)}, ${m.cores} cores |`,
    `| memory | ${formatNumber(m.memoryGiB)} GiB |`,
    `| Node.js | ${m.node} (${m.platform}) |`,
    `| database | ${escapeCell(m.database)} |`,
    `| load average (1 min) | ${formatNumber(m.loadAverageAtStart)} at start, ${formatNumber(m.loadAverageAtEnd)} at end |`,
    '',
    `Targets met: ${judged - misses} of ${judged}.`,
    '',
    ...targetsTable(run.cases),
    ...run.cases.flatMap(caseSection),
    ...changesSection(run.changes),
    ...openMissesSection(run.openMisses),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
