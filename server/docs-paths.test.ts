// The docs name files and folders of this repository; this test keeps them from naming what is no longer
// there. It reads README.md and docs/*.md (not docs/decisions/ nor docs/benchmarks.md: records of their
// day) and checks every repository path they give in backticks, in a code block or as a link.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const ROOTS = ['server/', 'client/', 'db/', 'e2e/', 'deploy/', '.ci/'];
const RECORDS = new Set(['benchmarks.md']);

const missingIn = (document: string, text?: string) =>
  namedPaths(document, text)
    .filter(({ repoPath }) => !existsSync(path.join(ROOT, mustExist(repoPath))))
    .map(({ line, repoPath }) => `${document}:${line} ${repoPath}`);

const documents = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md') && !RECORDS.has(name))
    .map((name) => `docs/${name}`),
];

/** A path as written, less what is not part of it: an anchor, a line number, a possessive, a full stop. */
function cleaned(written: string): string {
  return written
    .replace(/[#?].*$/, '')
    .replace(/'s$/, '')
    .replace(/:\d+(-\d+)?$/, '')
    .replace(/[.,;:)'"]+$/, '');
}

/** The part of a path that must exist: up to a wildcard or a placeholder (`*.ts`, `{id}`, `<name>`). */
function mustExist(repoPath: string): string {
  const wild = repoPath.search(/[*{<]/);
  return wild === -1 ? repoPath : repoPath.slice(0, repoPath.lastIndexOf('/', wild) + 1);
}

/** Every repository path the document names, with its line. */
function namedPaths(
  document: string,
  text = readFileSync(path.join(ROOT, document), 'utf8'),
): { line: number; repoPath: string }[] {
  const found: { line: number; repoPath: string }[] = [];
  const lines = text.split('\n');
  let inBlock = false;
  lines.forEach((content, index) => {
    const line = index + 1;
    if (content.trimStart().startsWith('```')) {
      inBlock = !inBlock;
      return;
    }
    const spans = inBlock ? [content] : [...content.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    for (const span of spans) {
      for (const token of span.split(/[\s=(),]+/)) {
        const repoPath = cleaned(token);
        if (ROOTS.some((root) => repoPath.startsWith(root))) found.push({ line, repoPath });
      }
    }
    if (inBlock) return;
    for (const [, target = ''] of content.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
      const resolved = path.posix.normalize(
        path.posix.join(path.posix.dirname(document), cleaned(target)),
      );
      if (ROOTS.some((root) => resolved.startsWith(root))) found.push({ line, repoPath: resolved });
    }
  });
  return found;
}

describe('paths named in the docs', () => {
  it('reads the README and the docs, not the records, and finds paths in them', () => {
    expect(documents).toContain('README.md');
    expect(documents).toContain('docs/design.md');
    expect(documents).not.toContain('docs/benchmarks.md');
    expect(documents.some((document) => document.startsWith('docs/decisions/'))).toBe(false);
    expect(documents.flatMap((document) => namedPaths(document)).length).toBeGreaterThan(100);
  });

  it('catches a path that is gone, in backticks, in a code block and as a link', () => {
    const text = [
      'See `server/payments/gone.ts:12` and `npx tsx server/benchmarks/run.ts --quick`.',
      '```',
      'DATABASE_URL=postgres://x npx vitest run server/chaos/gone.chaos.test.ts',
      '```',
      'The [old worker](../server/old-worker.ts#L3), the [units](../deploy/systemd/) and `e2e/*.spec.ts`.',
    ].join('\n');
    expect(missingIn('docs/example.md', text)).toEqual([
      'docs/example.md:1 server/payments/gone.ts',
      'docs/example.md:3 server/chaos/gone.chaos.test.ts',
      'docs/example.md:5 server/old-worker.ts',
    ]);
  });

  it.each(documents)('%s names only paths that exist', (document) => {
    expect(missingIn(document)).toEqual([]);
  });
});
