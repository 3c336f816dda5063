// npm's postinstall: applies db/patches (postgres.js, decision 006) with patch-package, a devDependency.
// A production install (npm ci --omit=dev) has no patch-package and needs none: the server build bundles
// postgres.js as patched at build time (dist/server, decision 020), and nothing there loads node_modules/postgres.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let patchPackage;
try {
  patchPackage = require.resolve('patch-package');
} catch {
  console.log(
    'postinstall: patch-package is not installed (a production install): dist/server carries the patched postgres.js',
  );
  process.exit(0);
}
const run = spawnSync(process.execPath, [patchPackage, '--patch-dir', 'db/patches'], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
