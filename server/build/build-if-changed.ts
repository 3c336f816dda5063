// `npm start` runs this instead of `npm run build`: it builds only when the sources changed since the last
// build, so a second start takes about a second instead of a full client and server build.
// The fingerprint is a SHA-256 of every input file's path and content, kept beside the build in dist/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What the client and server builds read: their sources, the migrations, the configs and the lockfile. */
const INPUT_DIRECTORIES = ['client', 'server', 'db'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts'];
const FINGERPRINT_FILE = path.join(ROOT, 'dist', '.sources-fingerprint');
const BUILT_FILES = ['dist/server/main.js', 'dist/client/index.html'];

function filesUnder(directory: string): string[] {
  const absolute = path.join(ROOT, directory);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

function sourcesFingerprint(): string {
  const files = [...INPUT_DIRECTORIES.flatMap(filesUnder), ...INPUT_FILES].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex');
}

function lastBuildFingerprint(): string | null {
  if (!BUILT_FILES.every((file) => existsSync(path.join(ROOT, file)))) return null;
  return existsSync(FINGERPRINT_FILE) ? readFileSync(FINGERPRINT_FILE, 'utf8').trim() : null;
}

const fingerprint = sourcesFingerprint();
if (fingerprint === lastBuildFingerprint()) {
  console.log('Sources unchanged since the last build: starting the existing build.');
} else {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(FINGERPRINT_FILE, `${fingerprint}\n`);
}
