// The options of `npm run emulator`: each one a command-line flag and an environment variable (the
// flag wins), checked before anything starts, with messages that name the flag or variable at fault.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppConfigError, parseAppsSetting } from '../env/emulator-apps-setting';
import { EMULATOR_PROFILES } from '../env/emulator-profiles';
import type { EmulatorOptions } from './emulator';
import { settingsUpdateSchema } from './settings';

interface OptionSpec {
  flag: string;
  env: string;
  value: string;
  description: string;
}

export const CLI_OPTIONS: readonly OptionSpec[] = [
  {
    flag: 'port',
    env: 'EMULATOR_PORT',
    value: 'N',
    description: 'Port to listen on (default 3001; 0 picks a free one).',
  },
  {
    flag: 'host',
    env: 'EMULATOR_HOST',
    value: 'ADDRESS',
    description: 'Address to listen on (default 127.0.0.1; 0.0.0.0 for a container).',
  },
  {
    flag: 'public-url',
    env: 'EMULATOR_PUBLIC_URL',
    value: 'URL',
    description: 'Base of the order_url links it hands out (default its own address).',
  },
  {
    flag: 'apps',
    env: 'EMULATOR_APPS',
    value: 'JSON|@FILE',
    description:
      'Merchant apps added to (or replacing, by app_id) 2553 and 2554: a JSON array of {"app_id","key1","key2","name"?,"callback_url"?,"redirect_url"?,"qr_code"?,"cashier_order_url"?}, or @path of a file holding one.',
  },
  {
    flag: 'profile',
    env: 'EMULATOR_PROFILE',
    value: EMULATOR_PROFILES.join('|'),
    description:
      'sandbox (default): what the public evidence says the real sandbox accepts; strict: refuse a non-Vietnam date prefix and a stale app_time at create.',
  },
  {
    flag: 'settings',
    env: 'EMULATOR_SETTINGS',
    value: 'JSON|@FILE',
    description:
      'Any subset of the settings (docs/emulator.md), applied over the profile, e.g. {"callbackRetryIntervalMs":200}.',
  },
];

export function helpText(): string {
  const lines = CLI_OPTIONS.map(
    (option) =>
      `  --${option.flag} ${option.value}\n      ${option.description}\n      Environment: ${option.env}`,
  );
  return [
    'Usage: npm run emulator -- [options]',
    '',
    'A local emulator of the ZaloPay sandbox: /v2/create, /v2/query, /v2/refund, /v2/query_refund,',
    '/api/getlistmerchantbanks, the gateway pages, callbacks and redirects, /admin and /inspector.',
    '',
    'Options (a flag wins over its environment variable):',
    ...lines,
    '  --help',
    '      Show this text.',
  ].join('\n');
}

/** A bad option: the message names the flag and the variable. */
export class CliOptionError extends Error {}

export type CliCommand = { help: true } | { help: false; options: EmulatorOptions };

function jsonOrFile(value: string, name: string): unknown {
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = readFileSync(value.slice(1), 'utf8');
    } catch {
      throw new CliOptionError(`${name}: cannot read the file ${value.slice(1)}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliOptionError(`${name}: not valid JSON`);
  }
}

export function parseCli(args: string[], env: NodeJS.ProcessEnv): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(CLI_OPTIONS.map((option) => [option.flag, { type: 'string' }])),
      },
    });
  } catch (error) {
    throw new CliOptionError(
      `${error instanceof Error ? error.message : String(error)} (see --help)`,
    );
  }
  const values: Record<string, string | boolean | undefined> = parsed.values;
  if (values.help === true) return { help: true };
  const read = (flag: string): { value: string | undefined; name: string } => {
    const spec = CLI_OPTIONS.find((option) => option.flag === flag);
    if (!spec) throw new Error(`no option ${flag}`);
    const fromFlag = values[flag];
    const name = `--${flag} (${spec.env})`;
    if (typeof fromFlag === 'string') return { value: fromFlag, name };
    const fromEnv = env[spec.env];
    return { value: fromEnv === '' ? undefined : fromEnv, name };
  };

  const options: EmulatorOptions = {};
  const port = read('port');
  const portNumber = Number(port.value ?? 3001);
  if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65_535) {
    throw new CliOptionError(`${port.name}: must be a port number, got "${port.value}"`);
  }
  options.port = portNumber;
  options.host = read('host').value ?? '127.0.0.1';
  const publicUrl = read('public-url');
  if (publicUrl.value !== undefined) {
    if (!z.url({ protocol: /^https?$/ }).safeParse(publicUrl.value).success) {
      throw new CliOptionError(`${publicUrl.name}: must be an http(s) URL`);
    }
    options.publicUrl = publicUrl.value;
  }
  const apps = read('apps');
  if (apps.value !== undefined) {
    try {
      options.apps = parseAppsSetting(apps.value, apps.name);
    } catch (error) {
      if (error instanceof AppConfigError) throw new CliOptionError(error.message);
      throw error;
    }
  }
  const profile = read('profile');
  if (profile.value !== undefined) {
    const known = z.enum(EMULATOR_PROFILES).safeParse(profile.value);
    if (!known.success) {
      throw new CliOptionError(`${profile.name}: must be one of ${EMULATOR_PROFILES.join(', ')}`);
    }
    options.profile = known.data;
  }
  const settings = read('settings');
  if (settings.value !== undefined) {
    const update = settingsUpdateSchema.safeParse(jsonOrFile(settings.value, settings.name));
    if (!update.success) {
      const issues = update.error.issues
        .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
        .join('; ');
      throw new CliOptionError(`${settings.name}: ${issues}`);
    }
    options.settings = update.data;
  }
  return { help: false, options };
}
