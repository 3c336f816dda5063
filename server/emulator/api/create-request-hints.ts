// Plain words for the mistakes integrations make in a create request, read from the raw parameters
// before validation, so the inspector explains a -401 (or a request that only works by luck).
import type { ApiTrace } from './api-trace';
import { wrongTimeZoneHint } from './date-prefix';
import type { EmulatorSettings } from '../settings';
import type { WireParams } from './wire-params';

/** app_time below this is in seconds, not milliseconds (1e11 ms is March 1973). */
const SECONDS_NOT_MILLIS = 1e11;

function jsonKind(text: string): 'array' | 'object' | 'other' | 'invalid' {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return 'array';
    return typeof value === 'object' && value !== null ? 'object' : 'other';
  } catch {
    return 'invalid';
  }
}

function jsonFieldHint(
  name: 'item' | 'embed_data',
  value: unknown,
  wanted: 'array' | 'object',
): string | null {
  const example = wanted === 'array' ? '"[]"' : '"{}"';
  if (value === undefined || value === null || value === '') {
    return `${name} is missing: it is required, send ${example} when there is nothing to put in it.`;
  }
  if (typeof value !== 'string') {
    if (typeof value === 'object') {
      return `${name} arrived as a JSON ${Array.isArray(value) ? 'array' : 'object'}, not as a string. ZaloPay signs and echoes the exact string: send ${name} as a JSON ${wanted} string (JSON.stringify it once) and sign that same string.`;
    }
    return `${name} must be a JSON ${wanted} string such as ${example}, not a ${typeof value}.`;
  }
  const kind = jsonKind(value);
  if (kind === wanted) return null;
  if (kind === 'invalid') {
    return `${name} is not JSON. It must be a JSON ${wanted} string such as ${example}${wanted === 'array' ? ' or [{"itemid":"sku1","itemname":"...","itemprice":50000,"itemquantity":1}]' : ''}.`;
  }
  return `${name} is JSON but not a JSON ${wanted}: ZaloPay wants ${wanted === 'array' ? 'an array, e.g. [{...}] (wrap a single item in [ ])' : 'an object, e.g. {"redirecturl":"https://..."}'}.`;
}

/** A callback_url that is not an http(s) URL: a sample's placeholder left in, most often. */
function callbackUrlHint(value: unknown, settings: EmulatorSettings): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return null;
  const fate =
    settings.placeholderFields === 'accept'
      ? 'accepted (placeholderFields is accept), but no callback can reach it'
      : 'refused with -401 (placeholderFields is refuse)';
  return `callback_url ${JSON.stringify(value.slice(0, 100))} is not an http(s) URL, a placeholder left from a sample? It is ${fate}. Put your server's public https URL there, or leave it out to use the app's default.`;
}

export function createRequestHints(
  params: WireParams,
  now: number,
  bodyFormat: ApiTrace['bodyFormat'],
  settings: EmulatorSettings,
): string[] {
  const hints: string[] = [];
  const { amount, app_time: appTime, app_trans_id: appTransId } = params;
  if (typeof amount === 'string') {
    if (!/^\d+$/.test(amount.trim())) {
      hints.push(
        `amount must be a whole number of VND with no separators, decimals or currency (got ${JSON.stringify(amount)}).`,
      );
    } else if (bodyFormat === 'json') {
      hints.push(
        `amount arrived as the JSON string ${JSON.stringify(amount)}: ZaloPay's SDK sends a JSON number. The emulator takes it like a form field would, but send a number.`,
      );
    }
  } else if (typeof amount === 'number' && !Number.isInteger(amount)) {
    hints.push(`amount must be a whole number of VND (got ${amount}).`);
  }
  const itemHint = jsonFieldHint('item', params.item, 'array');
  if (itemHint) {
    const lenient = settings.placeholderFields === 'accept' && typeof params.item === 'string';
    hints.push(
      lenient && params.item !== ''
        ? `${itemHint} Accepted as it is (placeholderFields is accept, as for the SDK fixture's "item"); the real gateway may answer -401.`
        : itemHint,
    );
  }
  const callbackHint = callbackUrlHint(params.callback_url, settings);
  if (callbackHint) hints.push(callbackHint);
  const embedHint = jsonFieldHint('embed_data', params.embed_data, 'object');
  if (embedHint) hints.push(embedHint);
  const appTimeNumber = typeof appTime === 'string' ? Number(appTime) : appTime;
  if (
    typeof appTimeNumber === 'number' &&
    appTimeNumber > 0 &&
    appTimeNumber < SECONDS_NOT_MILLIS
  ) {
    hints.push(
      'app_time looks like seconds: ZaloPay wants Unix time in milliseconds (Date.now()).',
    );
  }
  if (typeof appTransId === 'string') {
    if (!/^\d{6}/.test(appTransId)) {
      hints.push(
        'app_trans_id must start with yymmdd, today in Vietnam (e.g. 240101_order42): ZaloPay reconciles by that date.',
      );
    } else {
      const timeZoneHint = wrongTimeZoneHint(appTransId, now);
      if (timeZoneHint) hints.push(timeZoneHint);
    }
  }
  return hints;
}
