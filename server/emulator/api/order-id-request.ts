// What /v2/query and /v2/cancel share: a request naming one order by app_id and app_trans_id, signed
// with key1 over app_id|app_trans_id|key1 (§4.1, §7.3); and the app_trans_id length rule of every
// endpoint that takes one (40 in the docs, 43 seen working: docs/emulator.md).
import { z } from 'zod';
import { hmacHex, queryOrderMacInput } from '../../zalopay/mac';
import type { ApiOutcome } from './api-answers';
import { rejection } from './api-answers';
import type { ApiTrace } from './api-trace';
import type { EmulatorContext } from '../emulator-context';
import { authenticatedApp } from './request-mac';
import type { SandboxApp } from '../../zalopay/sandbox-apps';
import { requiredText, wireInteger } from './wire-fields';

/** The documented maximum (docs.zalopay.vn order-create: string(40)). */
export const DOCUMENTED_APP_TRANS_ID_LENGTH = 40;
/** What the schemas let through before the appTransIdMaxLength setting decides. */
export const APP_TRANS_ID_HARD_LIMIT = 256;

export const orderIdRequestSchema = z.object({
  app_id: wireInteger,
  app_trans_id: requiredText(APP_TRANS_ID_HARD_LIMIT),
  mac: z.string().min(1),
});

/**
 * -401 when app_trans_id is longer than the appTransIdMaxLength setting; a hint when it is longer
 * than the documented 40 characters but accepted.
 */
export function appTransIdLengthProblem(
  appTransId: string,
  ctx: EmulatorContext,
  trace: ApiTrace,
): ApiOutcome | null {
  if (appTransId.length <= DOCUMENTED_APP_TRANS_ID_LENGTH) return null;
  const max = ctx.settings.appTransIdMaxLength;
  if (max !== null && appTransId.length > max) {
    trace.hints.push(
      `app_trans_id is ${appTransId.length} characters: this emulator accepts at most ${max} (appTransIdMaxLength; the docs say 40). Shorten the part after yymmdd_, e.g. a UUID without its dashes is 32 characters.`,
    );
    return rejection(
      ctx.settings,
      -401,
      `app_trans_id is ${appTransId.length} characters, more than ${max}`,
    );
  }
  trace.hints.push(
    `app_trans_id is ${appTransId.length} characters, more than the documented 40. The real sandbox has paid a 43-character yymmdd_<uuid> id, so it is accepted here, but the limit may be enforced: keep it to 40 (the strict profile refuses it).`,
  );
  return null;
}

/** A hint when the MAC is over app_id|app_trans_id without the trailing key1, the common slip. */
function withoutKeyHint(app: SandboxApp, appTransId: string, received: string): string | null {
  const withoutKey = hmacHex(app.key1, `${app.appId}|${appTransId}`);
  if (received.toLowerCase() === withoutKey) {
    return 'The MAC is over app_id|app_trans_id only: this formula ends with key1 itself, sign app_id|app_trans_id|key1 (the key is both the HMAC key and the last field).';
  }
  const withKey2 = hmacHex(app.key2, queryOrderMacInput(app.appId, appTransId, app.key2));
  if (received.toLowerCase() === withKey2) {
    return 'The MAC is app_id|app_trans_id|key2 signed with key2: requests are signed with key1, and the last field is key1 too.';
  }
  return null;
}

/** The app named by a query or cancel request once its MAC holds; otherwise the -402 answer. */
export function authenticatedOrderRequest(
  ctx: EmulatorContext,
  request: { app_id: number; app_trans_id: string; mac: string },
  trace: ApiTrace,
): { app: SandboxApp } | { rejected: ApiOutcome } {
  const auth = authenticatedApp(ctx, {
    appId: request.app_id,
    mac: request.mac,
    macInput: (app) => queryOrderMacInput(app.appId, request.app_trans_id, app.key1),
    formula: 'app_id|app_trans_id|key1',
    fields: (app) => [
      ['app_id', app.appId],
      ['app_trans_id', request.app_trans_id],
      ['key1', app.key1],
    ],
    trace,
  });
  if ('rejected' in auth) {
    const app = ctx.apps.get(request.app_id);
    const hint = app ? withoutKeyHint(app, request.app_trans_id, request.mac) : null;
    // The specific explanation replaces the general checklist the mismatch analysis ends with.
    if (hint) trace.hints.splice(trace.hints.length - 1, 1, hint);
  }
  return auth;
}
