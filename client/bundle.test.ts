// @vitest-environment node
// Builds the real browser bundle and checks what ships to every shopper: no ZaloPay keys or server-only
// setting names, and an initial download small enough for a phone on a slow network.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLIENT_ROOT = fileURLToPath(new URL('.', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
// 100 KB: the bench's target (docs/benchmarks.md). Back under it (about 95 KB) since the order pages'
// words left the shop's dictionaries (client/i18n/order-messages.ts) and superjson arrives after the first
// paint instead of before it (client/lazy-link.ts).
const INITIAL_JS_BUDGET_BYTES = 100_000;

/** The public sandbox keys of ZaloPay apps 2553 and 2554 (key1, key2 each): server-side only. */
const SANDBOX_KEYS = [
  'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL',
  'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
  'sdngKKJmqEMzvh5QQcdD2A9XBSKUNaYn',
  'trMrHtvjo6myautxDUiAcYsVtaeQ8nhf',
];
const SERVER_ONLY_NAMES = ['ZALOPAY_KEY1', 'ZALOPAY_KEY2', 'DATABASE_URL', 'ADMIN_TOKEN'];

let outDir = '';
let files: { path: string; content: Buffer }[] = [];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'checkout-bundle-'));
  // Vitest runs with NODE_ENV=test, which would make Vite ship React's development build instead.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: VITE_CONFIG,
      root: CLIENT_ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  files = await Promise.all(
    (await listFiles(outDir)).map(async (path) => ({ path, content: await readFile(path) })),
  );
}, 180_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the browser bundle', () => {
  it('contains no ZaloPay key and no server-only setting name', () => {
    expect(files.length).toBeGreaterThan(1);
    for (const { path, content } of files) {
      const text = content.toString('utf8');
      for (const secret of [...SANDBOX_KEYS, ...SERVER_ONLY_NAMES]) {
        expect(text.includes(secret), `${secret} found in ${path}`).toBe(false);
      }
    }
  });

  it(`loads under ${INITIAL_JS_BUDGET_BYTES / 1000} KB of gzipped JavaScript before the first render`, () => {
    const indexHtml = files.find(({ path }) => path === join(outDir, 'index.html'));
    expect(indexHtml).toBeDefined();
    const html = indexHtml?.content.toString('utf8') ?? '';
    const initialScripts = [
      ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ].map((match) => join(outDir, match[1] ?? ''));
    expect(initialScripts.length).toBeGreaterThan(0);

    const gzipped = (path: string) =>
      gzipSync(files.find((file) => file.path === path)?.content ?? Buffer.alloc(0)).length;
    const initialBytes = initialScripts.reduce((sum, path) => sum + gzipped(path), 0);
    const lazyChunks = files
      .filter(({ path }) => path.endsWith('.js') && !initialScripts.includes(path))
      .map(
        ({ path }) => `${path.slice(outDir.length + 1)} ${(gzipped(path) / 1000).toFixed(1)} KB`,
      );
    console.log(
      `initial JS: ${(initialBytes / 1000).toFixed(1)} KB gzipped; loaded on demand: ${lazyChunks.join(', ')}`,
    );
    expect(initialBytes).toBeLessThan(INITIAL_JS_BUDGET_BYTES);
  });
});
