// Checks a merchant's key1 MAC in constant time, lowercase hex only unless the
// macCaseInsensitive knob is on (whether the gateway accepts uppercase is unknown, zalopay-api.md §2).
import { hmacHex, macMatches } from '../zalopay/mac';
import { rejection, type ApiOutcome } from './api-answers';
import type { EmulatorContext } from './emulator-context';
import type { SandboxApp } from './public-apps';
import type { EmulatorSettings } from './settings';

export function requestMacValid(
  settings: EmulatorSettings,
  expectedHex: string,
  received: string,
): boolean {
  return macMatches(expectedHex, settings.macCaseInsensitive ? received.toLowerCase() : received);
}

export interface SignedRequest {
  appId: number;
  mac: string;
  /** The HMAC input of this request for the named app (some formulas include the key itself). */
  macInput: (app: SandboxApp) => string;
  /** The formula, for the rejection note, e.g. 'app_id|app_trans_id|key1'. */
  formula: string;
}

/** The app a v2 request names, once its key1 MAC holds; otherwise the -402 answer to send. */
export function authenticatedApp(
  ctx: EmulatorContext,
  request: SignedRequest,
): { app: SandboxApp } | { rejected: ApiOutcome } {
  const app = ctx.apps.get(request.appId);
  if (!app) return { rejected: rejection(ctx.settings, -402, `unknown app_id ${request.appId}`) };
  const expectedMac = hmacHex(app.key1, request.macInput(app));
  if (!requestMacValid(ctx.settings, expectedMac, request.mac)) {
    return {
      rejected: rejection(ctx.settings, -402, `mac is not HMAC(key1, ${request.formula})`),
    };
  }
  return { app };
}
