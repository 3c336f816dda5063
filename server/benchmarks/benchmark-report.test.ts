// The benchmark's pure parts, so `npm test` guards them: nearest-rank percentiles, target verdicts,
// finding the initial scripts in a built index.html, and the Markdown report.
import { describe, expect, it } from 'vitest';
import { atLeast, below, figure, type BenchmarkRun } from './benchmark-result';
import { throughputRatios } from './callback-ratios';
import { initialScriptPaths } from './client-bundle';
import { percentileOfSorted, summarize } from './percentiles';
import { renderMarkdown } from './report-markdown';

describe('percentiles', () => {
  it('takes the nearest rank, so every percentile is an observed sample', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentileOfSorted(samples, 50)).toBe(50);
    expect(percentileOfSorted(samples, 99)).toBe(99);
    expect(percentileOfSorted(samples, 100)).toBe(100);
    expect(percentileOfSorted(samples, 0)).toBe(1);
    expect(percentileOfSorted([7], 99)).toBe(7);
  });

  it('summarizes unsorted samples without changing them', () => {
    const samples = [30, 10, 20, 40];
    const summary = summarize(samples);
    expect(summary).toEqual({ count: 4, min: 10, p50: 20, p95: 40, p99: 40, max: 40, mean: 25 });
    expect(samples).toEqual([30, 10, 20, 40]);
  });

  it('says "no figure" for no samples and refuses a percentile outside 0..100', () => {
    expect(summarize([]).p99).toBeNaN();
    expect(() => percentileOfSorted([1, 2], 101)).toThrow(RangeError);
  });
});

describe('targets', () => {
  it('judges latencies as "below" and throughput as "at least", and a missing figure as a miss', () => {
    expect(figure('p99', 49.9, 'ms', below(50)).verdict).toBe('pass');
    expect(figure('p99', 50, 'ms', below(50)).verdict).toBe('miss');
    expect(figure('ratio', 70, '%', atLeast(70)).verdict).toBe('pass');
    expect(figure('ratio', 69.9, '%', atLeast(70)).verdict).toBe('miss');
    expect(figure('p99', Number.NaN, 'ms', below(50)).verdict).toBe('miss');
    expect(figure('throughput', 1234, 'req/s').verdict).toBeUndefined();
  });
});

describe('callback ingest ratios', () => {
  it('hold the checkout to 70 % of the durable baseline and show the bare one without a target', () => {
    const [bare, durable] = throughputRatios({ checkout: 3_000, baseline: 10_000, durable: 4_000 });
    expect(bare).toEqual({
      name: 'checkout / baseline throughput, flat out',
      value: 30,
      unit: '%',
    });
    expect(durable).toEqual({
      name: 'checkout / durable baseline throughput, flat out',
      value: 75,
      unit: '%',
      target: atLeast(70),
      verdict: 'pass',
    });
    expect(
      throughputRatios({ checkout: 2_000, baseline: 10_000, durable: 4_000 })[1]?.verdict,
    ).toBe('miss');
  });

  it('have no durable ratio without a durable baseline, and miss when a throughput is unknown', () => {
    const ratios = throughputRatios({ checkout: 3_000, baseline: 10_000, durable: undefined });
    expect(ratios.map((r) => r.name)).toEqual(['checkout / baseline throughput, flat out']);
    expect(
      throughputRatios({ checkout: undefined, baseline: 10_000, durable: Number.NaN })[1]?.verdict,
    ).toBe('miss');
  });
});

describe('initial scripts of a built index.html', () => {
  it('are the module entry and its modulepreloads, not styles or external scripts', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
      <link rel="stylesheet" crossorigin href="/assets/index-123.css">
      <script src="https://example.com/analytics.js"></script>
    </head><body><div id="root"></div></body></html>`;
    expect(initialScriptPaths(html)).toEqual(['/assets/index-abc.js', '/assets/vendor-def.js']);
  });
});

describe('the Markdown report', () => {
  const run: BenchmarkRun = {
    date: '2026-01-02T03:04:05.000Z',
    command: 'npm run bench',
    quick: false,
    driver: 'postgres',
    durationSeconds: 321.4,
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      memoryGiB: 8,
      node: 'v20.19.0',
      platform: 'Linux x64',
      database: 'PostgreSQL 15.20',
      loadAverageAtStart: 0.42,
      loadAverageAtEnd: 1.5,
    },
    cases: [
      {
        id: 'callback-ingest',
        title: 'Callback ingest',
        figures: [
          figure('checkout at 1000/s: p99', 12, 'ms', below(50)),
          figure('checkout / baseline throughput, flat out', 64.3, '%', atLeast(70)),
          figure('baseline flat out: throughput', 2345.6, 'req/s'),
        ],
        notes: ['Each callback is | unique.'],
      },
    ],
    changes: [
      { figure: 'Start-up', before: '10 s', after: '1 s', cause: 'initdb', change: 'a snapshot' },
    ],
    openMisses: [{ figure: 'Ratio', cause: 'round trips', proposal: 'one statement' }],
  };
  const markdown = renderMarkdown(run);

  it('states the machine, the command and how many targets were met', () => {
    expect(markdown).toContain(
      'Written by `npm run bench` on 2026-01-02T03:04:05.000Z (full run, 321 s)',
    );
    expect(markdown).toContain('| CPU | Test CPU, 2 cores |');
    expect(markdown).toContain('| database | PostgreSQL 15.20 |');
    expect(markdown).toContain('| load average (1 min) | 0.42 at start, 1.5 at end |');
    expect(markdown).toContain('Targets met: 1 of 2.');
  });

  it('lists every figure with its target and verdict, and escapes table cells', () => {
    expect(markdown).toContain(
      '| Callback ingest | checkout at 1000/s: p99 | 12 ms | < 50 ms | pass |',
    );
    expect(markdown).toContain(
      '| checkout / baseline throughput, flat out | 64.3 % | ≥ 70 % | **miss** |',
    );
    expect(markdown).toContain('| baseline flat out: throughput | 2,346 req/s |  |  |');
    expect(markdown).toContain('- Each callback is | unique.');
  });

  it('records each fix with its figures before and after', () => {
    expect(markdown).toContain(
      '### Start-up\n\n- Before: 10 s\n- Cause: initdb\n- Change: a snapshot\n- After: 1 s',
    );
    expect(markdown).toContain('### Ratio\n\n- Cause: round trips\n- Proposed fix: one statement');
    expect(markdown.endsWith('\n')).toBe(true);
  });
});
