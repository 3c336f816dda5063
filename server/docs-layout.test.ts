// The folder maps of README.md ("Code layout") and docs/design.md (§7 Layout) against the tree: every
// folder of client/, server/, db/ and e2e/ is on both maps, and every folder on them exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const TOPS = ['client', 'server', 'db', 'e2e'];
/** Folders both maps name in their parent's description rather than on a line of their own. */
const NAMED_IN_PASSING = new Set([
  'db/migrations',
  'db/migrations/meta',
  'db/patches',
  'client/testing/fake-payments',
]);

function foldersUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const inner = `${folder}/${entry.name}`;
      return [inner, ...foldersUnder(inner)];
    });
}

const tree = TOPS.flatMap((top) => [top, ...foldersUnder(top)]).filter(
  (folder) => !NAMED_IN_PASSING.has(folder),
);

/** The folders of the first code block after `heading`, nested by their indent of two spaces. */
function mappedFolders(document: string, heading: string): string[] {
  const text = readFileSync(path.join(ROOT, document), 'utf8');
  const after = text.slice(text.indexOf(heading));
  const block = after.slice(
    after.indexOf('```\n') + 4,
    after.indexOf('\n```', after.indexOf('```\n') + 4),
  );
  const stack: string[] = [];
  const folders: string[] = [];
  for (const line of block.split('\n')) {
    // A folder's line starts at an indent of 0, 2 or 4; deeper lines continue a description.
    const match = /^((?: {2}){0,2})([\w.-]+)\/(\s|$)/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 2;
    stack.length = depth;
    stack.push(match[2] ?? '');
    folders.push(stack.join('/'));
  }
  return folders;
}

describe.each([
  ['README.md', '## Code layout'],
  ['docs/design.md', '## 7. Layout'],
])('the folder map of %s', (document, heading) => {
  const mapped = mappedFolders(document, heading);
  const inScope = mapped.filter((folder) => TOPS.includes(folder.split('/')[0] ?? ''));

  it('names every folder of the tree', () => {
    expect(tree.filter((folder) => !mapped.includes(folder))).toEqual([]);
  });

  it('names no folder that is not there', () => {
    expect(inScope.length).toBeGreaterThan(30);
    expect(inScope.filter((folder) => !tree.includes(folder))).toEqual([]);
  });
});
