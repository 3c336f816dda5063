// The last Express error handler: whatever went wrong, an API caller still gets the gateway's JSON
// (-401 for a body that could not be read, -500 otherwise), an admin caller a JSON error, a browser a page.
import type { ErrorRequestHandler } from 'express';
import { rejection } from './api/api-answers';
import { AdminInputError } from './admin/admin-routes';
import type { EmulatorContext } from './emulator-context';
import { noticePage } from './gateway/gateway-pages';
import { GATEWAY_MESSAGES, gatewayLanguageOf } from './gateway/gateway-messages';

/** body-parser marks its errors (too large, bad charset, aborted) with a 4xx status. */
function isRequestError(error: unknown): boolean {
  if (error instanceof AdminInputError) return true;
  if (typeof error !== 'object' || error === null || !('status' in error)) return false;
  const { status } = error;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function emulatorErrorHandler(ctx: EmulatorContext): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const badRequest = isRequestError(error);
    const message = error instanceof Error ? error.message : String(error);
    if (req.path.startsWith('/v2/')) {
      res.json(rejection(ctx.settings, badRequest ? -401 : -500, message).body);
    } else if (req.path.startsWith('/api/')) {
      const code = badRequest ? -401 : -500;
      res.json({
        returncode: code,
        returnmessage: ctx.settings.messages.subCodes[String(code)] ?? '',
      });
    } else if (req.path.startsWith('/admin/')) {
      res.status(badRequest ? 400 : 500).json({ error: message });
    } else {
      const language = gatewayLanguageOf(req.query.lang);
      const words = GATEWAY_MESSAGES[language];
      res
        .status(badRequest ? 400 : 500)
        .type('html')
        .send(
          noticePage(
            { language, switchHref: null },
            badRequest ? words.requestUnreadable : words.emulatorFailed,
            'bad',
          ),
        );
    }
  };
}
