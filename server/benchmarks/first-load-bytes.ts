// The bytes a shopper's first visit downloads: index.html, the entry script, its modulepreloads and the
// stylesheets, each compressed with the settings of the app's `compression` middleware (brotli quality 4,
// gzip level 6: server/http/compressed-answers.ts), against the same files uncompressed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { initialScriptPaths } from './client-bundle';

export interface FirstLoad {
  files: string[];
  identityBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export async function measureFirstLoad(clientDir: string): Promise<FirstLoad> {
  const indexHtml = await readFile(path.join(clientDir, 'index.html'), 'utf8');
  const styles = [...indexHtml.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
    (match) => match[1]!,
  );
  const files = ['/index.html', ...initialScriptPaths(indexHtml), ...styles];
  const load: FirstLoad = { files, identityBytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const file of files) {
    const content = await readFile(path.join(clientDir, file.replace(/^\//, '')));
    load.identityBytes += content.length;
    load.gzipBytes += gzipSync(content, { level: 6 }).length;
    load.brotliBytes += brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
    }).length;
  }
  return load;
}
