// Issue 16, items 1 and 5: EMULATOR_APPS and the other options as the standalone emulator and the
// checkout's env.ts read them. Bad values stop start-up with a message that names the variable and
// never repeats a key; `npm run emulator -- --help` lists every option.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvError, loadEnv } from '../env';
import { AppConfigError, parseAppsSetting } from '../env/emulator-apps-setting';
import { CLI_OPTIONS, CliOptionError, parseCli } from './cli-options';

const SECRET = 'do-not-print-this-key-0123456789';
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'emulator-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a problem');
}

describe('EMULATOR_APPS', () => {
  it('takes a JSON array with the wire names, or @path of a file', () => {
    const json = JSON.stringify([
      {
        app_id: 7001,
        key1: 'k1-0123456789abcdef',
        key2: 'k2-0123456789abcdef',
        name: 'My shop',
        callback_url: 'https://shop.example/zalopay/callback',
        redirect_url: 'https://shop.example/payment-result',
        qr_code: true,
      },
    ]);
    const [app] = parseAppsSetting(json, 'EMULATOR_APPS');
    expect(app).toEqual({
      appId: 7001,
      key1: 'k1-0123456789abcdef',
      key2: 'k2-0123456789abcdef',
      name: 'My shop',
      callbackUrl: 'https://shop.example/zalopay/callback',
      redirectUrl: 'https://shop.example/payment-result',
      issueQrCode: true,
      cashierOrderUrl: false,
    });
    const file = join(dir, 'apps.json');
    writeFileSync(file, json);
    expect(parseAppsSetting(`@${file}`, 'EMULATOR_APPS')).toEqual([app]);
  });

  it('refuses bad values naming the variable, without quoting the keys', () => {
    const cases: [string, RegExp][] = [
      [`[{"app_id":7001,"key1":"${SECRET}"`, /^EMULATOR_APPS: not valid JSON/],
      [`[{"app_id":7001,"key1":"${SECRET}"}]`, /^EMULATOR_APPS: 0\.key2: /],
      [`{"app_id":7001,"key1":"${SECRET}","key2":"x"}`, /^EMULATOR_APPS: .*expected array/],
      [
        `[{"app_id":7001,"key1":"${SECRET}","key2":"x","callback_url":"ftp://x"}]`,
        /^EMULATOR_APPS: 0\.callback_url: must be an http\(s\) URL/,
      ],
      [
        `[{"app_id":7001,"key1":"a","key2":"b"},{"app_id":7001,"key1":"c","key2":"d"}]`,
        /app_id 7001 appears twice/,
      ],
      ['@/nonexistent/apps.json', /^EMULATOR_APPS: cannot read the file/],
    ];
    for (const [value, expected] of cases) {
      const message = problemOf(() => parseAppsSetting(value, 'EMULATOR_APPS'));
      expect(message).toMatch(expected);
      expect(message).not.toContain(SECRET);
    }
    expect(() => parseAppsSetting('nope', 'EMULATOR_APPS')).toThrow(AppConfigError);
  });

  it("reaches the checkout's embedded emulator through env.ts, and a bad value is an EnvError", () => {
    const env = loadEnv({ EMULATOR_APPS: '[{"app_id":7001,"key1":"a1","key2":"b2"}]' });
    expect(env.emulator.apps.map((app) => app.appId)).toEqual([7001]);
    expect(loadEnv({}).emulator.apps).toEqual([]);
    const error = (() => {
      try {
        loadEnv({ EMULATOR_APPS: `[{"key1":"${SECRET}"}]` });
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(String(error)).toContain('EMULATOR_APPS: 0.app_id');
    expect(String(error)).not.toContain(SECRET);
  });
});

describe('the command line', () => {
  it('reads each option from its flag or its variable, the flag winning', () => {
    const command = parseCli(['--port', '0', '--profile', 'strict'], {
      EMULATOR_PORT: '4000',
      EMULATOR_HOST: '0.0.0.0',
      EMULATOR_APPS: '[{"app_id":7001,"key1":"a1","key2":"b2"}]',
      EMULATOR_SETTINGS: '{"callbackRetryIntervalMs":200}',
    });
    if (command.help) throw new Error('not help');
    expect(command.options).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      profile: 'strict',
      settings: { callbackRetryIntervalMs: 200 },
    });
    expect(command.options.apps?.map((app) => app.appId)).toEqual([7001]);
  });

  it('refuses bad options naming the flag and the variable', () => {
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [[], { EMULATOR_PORT: '70000' }, '--port (EMULATOR_PORT)'],
      [
        ['--profile', 'lenient'],
        {},
        '--profile (EMULATOR_PROFILE): must be one of sandbox, strict',
      ],
      [[], { EMULATOR_SETTINGS: '{"noSuchSetting":1}' }, '--settings (EMULATOR_SETTINGS)'],
      [['--apps', '[1]'], {}, '--apps (EMULATOR_APPS)'],
      [['--public-url', 'not a url'], {}, '--public-url (EMULATOR_PUBLIC_URL)'],
      [['--colour'], {}, '--colour'],
    ];
    for (const [args, env, expected] of cases) {
      expect(() => parseCli(args, env)).toThrow(CliOptionError);
      expect(problemOf(() => parseCli(args, env))).toContain(expected);
    }
  });

  it(
    '`npm run emulator -- --help` lists every option and its variable',
    { timeout: 30_000 },
    async () => {
      const { stdout } = await run('npx', ['tsx', 'server/emulator/main.ts', '--help'], {
        timeout: 25_000,
      });
      for (const option of CLI_OPTIONS) {
        expect(stdout).toContain(`--${option.flag} `);
        expect(stdout).toContain(option.env);
      }
      expect(stdout).toContain('--help');
    },
  );

  it(
    'stops with exit code 1 and names the variable when EMULATOR_APPS is not JSON',
    { timeout: 30_000 },
    async () => {
      const failure = await run('npx', ['tsx', 'server/emulator/main.ts'], {
        timeout: 25_000,
        env: { ...process.env, EMULATOR_APPS: `[{"key1":"${SECRET}"`, EMULATOR_PORT: '0' },
      }).then(
        () => null,
        (error: unknown) => error,
      );
      const { code, stderr } = z.object({ code: z.number(), stderr: z.string() }).parse(failure);
      expect(code).toBe(1);
      expect(stderr).toContain('EMULATOR_APPS');
      expect(stderr).not.toContain(SECRET);
    },
  );
});
