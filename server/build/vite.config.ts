// Builds the server for `npm start` (npm run build:server) into dist/server/main.js, so a start runs plain
// Node instead of tsx transpiling every module, and reads a few files instead of hundreds.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  ssr: {
    // The dependencies are bundled too: resolving and reading their files was ~250 ms of each start.
    // These stay in node_modules: PGlite loads its .wasm and .data from beside itself, pino starts its
    // transports (pino-pretty) in worker threads by file name, and postgres.js is patched in place
    // (db/patches) and loaded only with DATABASE_URL.
    noExternal: true,
    external: ['@electric-sql/pglite', 'pino', 'postgres'],
  },
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    // Every chunk beside main.js: the code finds ../client and ./migrations relative to itself.
    rolldownOptions: { output: { chunkFileNames: '[name]-[hash].js' } },
  },
  plugins: [
    {
      // db/migrate.ts reads the SQL from ./migrations beside itself: beside main.js in the build.
      name: 'copy-migrations',
      apply: 'build',
      async writeBundle(options) {
        if (!options.dir) throw new Error('The server build needs an output folder');
        await cp(path.join(root, 'db/migrations'), path.join(options.dir, 'migrations'), {
          recursive: true,
        });
      },
    },
  ],
});
