// The layer rules of eslint.config.js proven to fail: each probe is a small source linted as if it were a
// file of the room the rule guards, with ESLint's own API and the repository's config.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A probe is no file of the TypeScript project, so it is linted without type information (the layer
// rules need none); the two rules that do are off for it.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
});

async function messagesOf(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const PROBES: Array<{ rule: string; file: string; code: string; expected: RegExp }> = [
  {
    rule: 'trpc/ does not import http/',
    file: 'server/trpc/probe.ts',
    code: "import { sendError } from '../http/rest-answers';\nexport const probe = sendError;\n",
    expected: /no-restricted-imports: .*trpc\/ does not import http\//,
  },
  {
    rule: 'observability/ does not import ops/',
    file: 'server/observability/probe.ts',
    code: "import { SESSION_COOKIE } from '../ops/sign-in-cookie';\nexport const probe = SESSION_COOKIE;\n",
    expected: /no-restricted-imports: .*observability\//,
  },
  {
    rule: 'logger.ts does not import ops/',
    file: 'server/logger.ts',
    code: "import { SESSION_COOKIE } from './ops/sign-in-cookie';\nexport const probe = SESSION_COOKIE;\n",
    expected: /no-restricted-imports: .*logger\.ts/,
  },
  {
    rule: 'workers/ imports none of the workers',
    file: 'server/workers/probe.ts',
    code: "import { startPoller } from '../payments/polling/poller';\nexport const probe = startPoller;\n",
    expected: /no-restricted-imports: .*workers\//,
  },
  {
    rule: 'the domain does not import observability/',
    file: 'server/payments/attempts/probe.ts',
    code: "import { createCheckoutMetrics } from '../../observability/checkout-metrics';\nexport const probe = createCheckoutMetrics;\n",
    expected: /no-restricted-imports: .*payments\//,
  },
  {
    rule: 'zalopay/ through its index only',
    file: 'server/refunds/probe.ts',
    code: "import { signMac } from '../zalopay/mac';\nexport const probe = signMac;\n",
    expected: /no-restricted-syntax: .*ZaloPay adapter from its index/,
  },
  {
    rule: 'the server imports of client/ only client/shared/',
    file: 'server/http/probe.ts',
    code: "import { formatVnd } from '../../client/format/vnd';\nexport const probe = formatVnd;\n",
    expected: /no-restricted-syntax: The server imports from client\/ only client\/shared\//,
  },
  {
    rule: 'client/shared/ imports nothing outside itself',
    file: 'client/shared/probe.ts',
    code: "import type { Language } from '../i18n/language';\nexport const probe: Language = 'vi';\n",
    expected: /no-restricted-syntax: client\/shared\/ imports nothing outside itself/,
  },
  {
    rule: 'production code does not import the emulator statically',
    file: 'server/env/probe.ts',
    code: "import { EMULATOR_PROFILES } from '../emulator/settings';\nexport const probe = EMULATOR_PROFILES;\n",
    expected: /no-restricted-syntax: Production code loads the emulator only when it starts it/,
  },
  {
    rule: 'nor re-exports it',
    file: 'server/checkout-server.ts',
    code: "export { startEmulator } from './emulator/emulator';\n",
    expected: /no-restricted-syntax: Production code loads the emulator only when it starts it/,
  },
];

describe('layer rules', () => {
  it.each(PROBES)('$rule: a probe that breaks it fails lint', async ({ file, code, expected }) => {
    const messages = await messagesOf(code, file);
    expect(
      messages.some((m) => expected.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('a probe that keeps the rules passes them', async () => {
    const messages = await messagesOf(
      "import { ZaloPayError } from '../zalopay';\nimport { routeOf } from '../../client/shared/page-path';\nexport const probe = [ZaloPayError, routeOf];\n",
      'server/refunds/probe.ts',
    );
    expect(messages).toEqual([]);
  });

  it('a dynamic import of the emulator, or a type from it, passes them', async () => {
    const messages = await messagesOf(
      "import type { RunningEmulator } from './emulator/emulator';\nexport async function probe(): Promise<RunningEmulator> {\n  const { startEmulator } = await import('./emulator/emulator');\n  return startEmulator({ port: 0 });\n}\n",
      'server/embedded-emulator.ts',
    );
    expect(messages).toEqual([]);
  });
});
