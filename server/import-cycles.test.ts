// No module of server/, db/ or client/ imports itself back through others, not even for a type: a cycle
// ties two rooms into one. The graph is read from the sources (server/testing/import-graph.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './testing/import-graph';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('import cycles', () => {
  it('server/, db/ and client/ have none', () => {
    const graph = importGraph(root, ['server', 'db', 'client']);
    expect(graph.size).toBeGreaterThan(300);
    const cycles = importCycles(graph).map((cycle) => cycle.join(' -> '));
    expect(cycles, cycles.join('\n')).toEqual([]);
  });

  it('a probe cycle of two files, one through `import type`, is found', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'import-cycle-probe-'));
    try {
      writeFileSync(
        path.join(dir, 'events.ts'),
        "import type { Result } from './transitions';\nexport type Sink = (r: Result) => void;\n",
      );
      writeFileSync(
        path.join(dir, 'transitions.ts'),
        "import type { Sink } from './events.js';\nexport type Result = { sink: Sink };\n",
      );
      writeFileSync(path.join(dir, 'alone.ts'), "export * from './transitions';\n");
      expect(importCycles(importGraph(dir, ['.']))).toEqual([
        ['transitions.ts', 'events.ts', 'transitions.ts'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
