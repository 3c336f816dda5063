// The merchant apps a developer gives the emulator (EMULATOR_APPS, --apps, POST /admin/apps): the snake_case
// shape of the wire, parsed with zod into SandboxApps. Outside emulator/ so that reading the env loads no emulator.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SandboxApp } from '../zalopay';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** One app as EMULATOR_APPS and POST /admin/apps take it. */
export const appConfigSchema = z.strictObject({
  app_id: z.int().positive(),
  key1: z.string().trim().min(1, 'must not be empty'),
  key2: z.string().trim().min(1, 'must not be empty'),
  name: z.string().trim().min(1).max(100).optional(),
  /** The app's default callback URL, as registered in the Merchant Portal. */
  callback_url: httpUrl.optional(),
  /** The app's default redirect URL: http(s) only, like embed_data.redirecturl (no javascript:). */
  redirect_url: z.string().trim().max(2048).pipe(httpUrl).optional(),
  /** Whether create answers with a VietQR `qr_code` for this app. */
  qr_code: z.boolean().optional(),
  /** Whether create answers with a `cashier_order_url` for this app. */
  cashier_order_url: z.boolean().optional(),
});
export type AppConfig = z.infer<typeof appConfigSchema>;

export const appListSchema = z.array(appConfigSchema);

export function sandboxAppOf(config: AppConfig): SandboxApp {
  return {
    appId: config.app_id,
    key1: config.key1,
    key2: config.key2,
    name: config.name ?? `Merchant app ${config.app_id}`,
    ...(config.callback_url ? { callbackUrl: config.callback_url } : {}),
    ...(config.redirect_url ? { redirectUrl: config.redirect_url } : {}),
    issueQrCode: config.qr_code ?? false,
    cashierOrderUrl: config.cashier_order_url ?? false,
  };
}

/** A setting that cannot be used; the message starts with the name of the variable or option. */
export class AppConfigError extends Error {}

function issueLines(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`)
    .join('; ');
}

/**
 * The apps of an EMULATOR_APPS value: a JSON array, or `@path` to a file holding one. `source` names
 * the variable in messages. JSON.parse's own message is left out: it quotes the text, keys included.
 */
export function parseAppsSetting(
  value: string,
  source: string,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): SandboxApp[] {
  let text = value;
  if (value.startsWith('@')) {
    const path = value.slice(1);
    try {
      text = readFile(path);
    } catch {
      throw new AppConfigError(`${source}: cannot read the file ${path}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppConfigError(`${source}: not valid JSON (expected an array of apps)`);
  }
  const parsed = appListSchema.safeParse(json);
  if (!parsed.success) throw new AppConfigError(`${source}: ${issueLines(parsed.error)}`);
  const ids = parsed.data.map((app) => app.app_id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) {
    throw new AppConfigError(`${source}: app_id ${repeated} appears twice`);
  }
  return parsed.data.map(sandboxAppOf);
}
