// Checks a merchant's key1 MAC in constant time, lowercase hex only unless the macCaseInsensitive knob
// is on (whether the gateway accepts uppercase is unknown, docs/zalopay-protocol.md §2), and leaves the check
// (the exact signed string, expected and received MAC) and any explanation of a mismatch in the trace.
import { hmacHex, macMatches } from '../../zalopay/mac';
import { rejection, type ApiOutcome } from './api-answers';
import type { ApiTrace } from './api-trace';
import type { EmulatorContext } from '../emulator-context';
import { explainMacMismatch } from './mac-diagnosis';
import type { MacVariant, SignedField } from './mac-diagnosis';
import type { SandboxApp } from '../../zalopay/sandbox-apps';
import type { EmulatorSettings } from '../settings';

export function requestMacValid(
  settings: EmulatorSettings,
  expectedHex: string,
  received: string,
): boolean {
  return macMatches(expectedHex, settings.macCaseInsensitive ? received.toLowerCase() : received);
}

/** The signed string as the inspector shows it: the key itself (query's formula ends with it) masked. */
export function maskedSignedString(input: string, app: SandboxApp): string {
  return input.replaceAll(app.key1, '{key1}').replaceAll(app.key2, '{key2}');
}

export interface SignedRequest {
  appId: number;
  mac: string;
  /** The HMAC input of this request for the named app (some formulas include the key itself). */
  macInput: (app: SandboxApp) => string;
  /** The formula, for the rejection note, e.g. 'app_id|app_trans_id|key1'. */
  formula: string;
  /** The signed fields by name, in ZaloPay's order, to explain a mismatch. */
  fields: (app: SandboxApp) => readonly SignedField[];
  /** Wrong field sets that integrations are known to sign, to explain a mismatch. */
  variants?: readonly MacVariant[];
  trace: ApiTrace;
}

/** The app a v2 request names, once its key1 MAC holds; otherwise the -402 answer to send. */
export function authenticatedApp(
  ctx: EmulatorContext,
  request: SignedRequest,
): { app: SandboxApp } | { rejected: ApiOutcome } {
  const { trace } = request;
  trace.appId = request.appId;
  const app = ctx.apps.get(request.appId);
  if (!app) {
    trace.hints.push(
      `The emulator knows no app ${request.appId}. Its apps: ${[...ctx.apps.keys()].join(', ')} (add one with EMULATOR_APPS or POST /admin/apps).`,
    );
    return { rejected: rejection(ctx.settings, -402, `unknown app_id ${request.appId}`) };
  }
  const input = request.macInput(app);
  const expectedMac = hmacHex(app.key1, input);
  const matches = requestMacValid(ctx.settings, expectedMac, request.mac);
  trace.mac = {
    formula: request.formula,
    signedString: maskedSignedString(input, app),
    key: 'key1',
    expected: expectedMac,
    received: request.mac,
    matches,
  };
  if (!matches) {
    trace.hints.push(
      ...explainMacMismatch({
        fields: request.fields(app),
        key1: app.key1,
        key2: app.key2,
        received: request.mac,
        ...(request.variants ? { variants: request.variants } : {}),
      }),
    );
    return {
      rejected: rejection(ctx.settings, -402, `mac is not HMAC(key1, ${request.formula})`),
    };
  }
  return { app };
}
