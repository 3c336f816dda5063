// Builds the server for `npm start` (npm run build:server) into dist/server/main.js (and migrate.js and
// emulator.js, `npm run migrate` and `npm run emulator` without the sources), so a start runs plain Node instead of tsx transpiling every module,
// and reads a few files instead of hundreds. postgres.js is bundled as db/patches leaves it: a production
// install (npm ci --omit=dev) has no patch-package, so the patch travels in dist/ (decision 020).
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** A line db/patches/postgres+3.4.9.patch adds to postgres.js's connection.js (the bundle keeps it too). */
export const POSTGRES_PATCH_MARK = 'The connection closed under this write';

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  ssr: {
    // The dependencies are bundled too: resolving and reading their files was ~250 ms of each start.
    // These stay in node_modules: PGlite loads its .wasm and .data from beside itself, and pino starts its
    // transports (pino-pretty) in worker threads by file name. postgres.js (loaded only with
    // DATABASE_URL) is bundled, patched, into a chunk of its own.
    noExternal: true,
    external: ['@electric-sql/pglite', 'pino'],
  },
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    // Every chunk beside main.js: the code finds ../client and ./migrations relative to itself.
    rolldownOptions: {
      input: {
        main: 'server/main.ts',
        migrate: 'server/migrate-main.ts',
        // The standalone emulator (npm run emulator), for the container image's `emulator` option.
        emulator: 'server/emulator/main.ts',
      },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  plugins: [
    {
      // The bundle takes postgres.js from node_modules: refuse to build from an unpatched copy.
      name: 'postgres-js-patched',
      apply: 'build',
      async buildStart() {
        const connection = await readFile(
          path.join(root, 'node_modules/postgres/src/connection.js'),
          'utf8',
        );
        if (!connection.includes(POSTGRES_PATCH_MARK)) {
          throw new Error(
            'node_modules/postgres is not patched (db/patches): run npm install, whose postinstall applies the patch',
          );
        }
      },
    },
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
