// Lint rules for the whole repository: typescript-eslint's recommended set with the type-aware promise
// rules, React hooks rules for client/, and the layers: what each room of the house may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The rooms that answer HTTP or run the emulator: the domain never reaches into them. */
const OUTER_ROOMS = [
  '**/trpc/*',
  '**/http/*',
  '**/ops/*',
  '**/ops/**',
  '**/observability/*',
  '**/reconciliation/*',
  '**/emulator/**',
  '**/testing/*',
];

/** Tests, test support, chaos and benchmarks may use the emulator and the harness. */
const TEST_CODE = [
  '**/*.test.ts',
  '**/*.test.tsx',
  'server/testing/**',
  'server/chaos/**',
  'server/benchmarks/**',
  'server/reliability/**',
  'client/testing/**',
  'e2e/**',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'db/migrations',
      'test-results',
      'playwright-report',
      // The user's frontend guide's example, kept verbatim (a browser script, not our module).
      'e2e/frontend-guide',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The domain (payments, refunds, webhooks) and the ZaloPay adapter know nothing of HTTP frameworks,
    // tRPC, the operator pages, the emulator or the test harness.
    files: [
      'server/payments/**/*.ts',
      'server/zalopay/**/*.ts',
      'server/refunds/**/*.ts',
      'server/webhooks/**/*.ts',
      'server/catalogue/**/*.ts',
    ],
    ignores: TEST_CODE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'express', message: 'The domain does not know Express.' }],
          patterns: [
            {
              group: OUTER_ROOMS,
              message:
                'payments/, refunds/, webhooks/ and zalopay/ import nothing of trpc/, http/, ops/, the emulator or testing/.',
            },
            { group: ['@trpc/*'], message: 'The domain does not know tRPC.' },
          ],
        },
      ],
    },
  },
  {
    // The app's own rooms never load the emulator or the test harness; only server/embedded-emulator.ts
    // starts the embedded emulator, with a dynamic import.
    files: ['server/{trpc,http,ops,security}/**/*.{ts,tsx}'],
    ignores: TEST_CODE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/emulator/**', '**/testing/*'],
              message: 'Production code does not import the emulator or the test harness.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser bundle takes only types from the server: a value import would ship server code.
    // (tRPC's observable, which its browser client is built on, is no server code: client/lazy-link.ts.)
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/testing/**', 'client/**/*.test.tsx', 'client/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '!@trpc/server/observable', '**/db/**'],
              allowTypeImports: true,
              message: 'The client imports only types from the server.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern: `{}`.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // trpc/ is mounted by http/ (trpc-route.ts); it never reaches back into http/. Errors both answer with
    // live in api-errors/. Like the rest of the app, it loads neither the emulator nor the test harness.
    files: ['server/trpc/**/*.{ts,tsx}'],
    ignores: TEST_CODE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/http/*'], message: 'trpc/ does not import http/ (http/ mounts trpc/).' },
            {
              group: ['**/emulator/**', '**/testing/*'],
              message: 'Production code does not import the emulator or the test harness.',
            },
          ],
        },
      ],
    },
  },
  {
    // What a machine scrapes (metrics, readiness, request logs), the logger and the workers' shared rhythm
    // know nothing of what an operator sees (ops/) nor of the web layers.
    files: ['server/observability/**/*.{ts,tsx}', 'server/workers/**/*.ts', 'server/logger.ts'],
    ignores: TEST_CODE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ops/*', '**/ops/**', '**/trpc/*', '**/http/*'],
              message:
                'observability/, workers/ and logger.ts import nothing of ops/, trpc/ or http/.',
            },
            {
              group: ['**/emulator/**', '**/testing/*'],
              message: 'Production code does not import the emulator or the test harness.',
            },
          ],
        },
      ],
    },
  },
  {
    // The workers' shared rhythm serves every worker: it knows none of them.
    files: ['server/workers/**/*.ts'],
    ignores: TEST_CODE,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/payments/**', '**/refunds/*', '**/webhooks/*', '**/catalogue/*'],
              message: 'workers/ serves every worker and imports none of them.',
            },
          ],
        },
      ],
    },
  },
  {
    // The ZaloPay adapter is used through its index (server/zalopay/index.ts); only the adapter itself,
    // the emulator (which speaks the same protocol) and test code reach its files. Of client/, the server
    // imports only client/shared/: pure modules both sides run. Production code never loads the emulator
    // statically: a checkout on the real ZaloPay loads none of it (server/emulator-not-loaded.test.ts).
    files: ['server/**/*.{ts,tsx}', 'db/**/*.ts'],
    ignores: [...TEST_CODE, 'server/zalopay/**', 'server/emulator/**', 'server/proxy/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/(^|\\/)zalopay\\/[^/]+$/]',
          message: "Import the ZaloPay adapter from its index ('…/zalopay'), not its files.",
        },
        {
          selector: 'ImportDeclaration[source.value=/\\/client\\/(?!shared\\/)/]',
          message: 'The server imports from client/ only client/shared/.',
        },
        {
          selector:
            ":matches(ImportDeclaration[importKind!='type'], ExportNamedDeclaration[exportKind!='type'], ExportAllDeclaration)[source.value=/(^|\\/)emulator\\//]",
          message:
            "Production code loads the emulator only when it starts it: `await import('…/emulator/…')` (server/embedded-emulator.ts), or `import type`.",
        },
      ],
    },
  },
  {
    // client/shared/ is imported by the server too: it imports nothing outside itself (no React, no DOM).
    files: ['client/shared/**/*.ts'],
    ignores: ['client/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^(\\.\\.\\/|[^.])/]',
          message: 'client/shared/ imports nothing outside itself: the server imports it too.',
        },
      ],
    },
  },
);
