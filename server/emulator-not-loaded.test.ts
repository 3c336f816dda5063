// A checkout on the real ZaloPay (sandbox or production mode) loads no module of server/emulator/: the
// emulator is imported only where the embedded one is started (server/embedded-emulator.ts). A child
// process starts a whole checkout with module hooks that record every module it resolves.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The modules of server/emulator/ a checkout started with `settings` resolved. */
async function emulatorModulesLoaded(settings: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'record-loads-'));
  const record = path.join(dir, 'loads.txt');
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './server/testing/record-loads.mjs',
        'server/testing/start-and-stop-checkout.ts',
      ],
      {
        cwd: root,
        env: { PATH: process.env.PATH, RECORD_LOADS_TO: record, ...settings },
        timeout: 60_000,
      },
    );
    expect(stdout).toContain('healthz 200');
    const loaded = readFileSync(record, 'utf8').split('\n');
    expect(loaded.some((url) => url.endsWith('/server/checkout-server.ts'))).toBe(true);
    return [...new Set(loaded.filter((url) => url.includes('/server/emulator/')))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the emulator is loaded only in emulator mode', () => {
  it('ZALOPAY_MODE=sandbox: no module of server/emulator/ is loaded', async () => {
    const loaded = await emulatorModulesLoaded({
      ZALOPAY_MODE: 'sandbox',
      ZALOPAY_APP_ID: '99001',
      ZALOPAY_KEY1: 'k1-not-a-real-key-0123456789abcd',
      ZALOPAY_KEY2: 'k2-not-a-real-key-0123456789abcd',
      PUBLIC_BASE_URL: 'http://localhost:8080',
      ROLE: 'web',
    });
    expect(loaded).toEqual([]);
  }, 60_000);

  it('ZALOPAY_MODE=emulator (the control): the embedded emulator is loaded', async () => {
    const loaded = await emulatorModulesLoaded({
      ZALOPAY_MODE: 'emulator',
      EMULATOR_PORT: '0',
    });
    expect(loaded.some((url) => url.endsWith('/server/emulator/emulator.ts'))).toBe(true);
  }, 60_000);
});
