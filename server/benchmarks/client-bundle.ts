// Builds the React client into a folder of the benchmark's own (never dist/, which the e2e run rebuilds)
// and measures the JavaScript a first visit must load: the entry script and its modulepreloads, gzipped.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

export interface InitialScripts {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** The script and modulepreload URLs of the built index.html, in order. */
export function initialScriptPaths(indexHtml: string): string[] {
  const paths: string[] = [];
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = tag.match(/(?:src|href)="([^"]+)"/)?.[1];
    if ((isEntry || isPreload) && url && !/^https?:/.test(url)) paths.push(url);
  }
  return paths;
}

export async function buildClient(outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

export async function measureInitialScripts(clientDir: string): Promise<InitialScripts> {
  const indexHtml = await readFile(path.join(clientDir, 'index.html'), 'utf8');
  const files = initialScriptPaths(indexHtml);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = await readFile(path.join(clientDir, file.replace(/^\//, '')));
    rawBytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { files, rawBytes, gzipBytes };
}
