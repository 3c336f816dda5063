// What a /v2 path the gateway does not have answers: ZaloPay-style JSON (2/-401) instead of Express's
// HTML 404, with a hint naming the endpoint the merchant most likely meant.
import type { ApiOutcome } from './api-answers';
import { rejection } from './api-answers';
import type { EmulatorContext } from '../emulator-context';

const KNOWN_PATHS = ['/v2/create', '/v2/query', '/v2/cancel', '/v2/refund', '/v2/query_refund'];

/** Levenshtein distance, small strings only (paths of a few dozen characters). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function closestKnownPath(path: string): string | null {
  const lower = path.toLowerCase().replace(/\/+$/, '');
  const last = lower.split('/').at(-1) ?? '';
  const byName = KNOWN_PATHS.find((known) => known.endsWith(`/${last}`));
  if (byName) return byName;
  const ranked = KNOWN_PATHS.map((known) => ({ known, score: distance(lower, known) })).sort(
    (x, y) => x.score - y.score,
  );
  const best = ranked[0];
  return best && best.score <= 3 ? best.known : null;
}

export function unknownApiPath(
  ctx: EmulatorContext,
  method: string,
  path: string,
): ApiOutcome & { hints: string[] } {
  const known = KNOWN_PATHS.includes(path);
  const shown = path.length > 100 ? `${path.slice(0, 100)}…` : path;
  const hints: string[] = [];
  if (known) {
    hints.push(`${path} takes POST only (got ${method}).`);
  } else {
    const closest = closestKnownPath(path);
    hints.push(
      closest
        ? `There is no ${shown}: did you mean POST ${closest}?`
        : `There is no ${shown}. The API has POST ${KNOWN_PATHS.join(', ')}.`,
    );
  }
  const outcome = rejection(ctx.settings, -401, `no endpoint ${method} ${shown}`);
  return { ...outcome, hints };
}
