// Signs fixtures exactly as ZaloPay would (stripe-node's generateTestHeaderString idea): for tests and
// the emulator. Keys are arguments; nothing here reads configuration.
import { hmacHex, redirectChecksumInput, type RedirectChecksumFields } from './mac';

/**
 * The exact callback body ZaloPay POSTs: {"data":"<compact JSON string>","mac":"<hex>","type":1}.
 * An object is serialised with JSON.stringify (compact, raw UTF-8, '/' unescaped, key order kept);
 * a string is signed as given.
 */
export function signCallbackBody(
  data: Record<string, unknown> | string,
  key2: string,
  type: number = 1,
): string {
  const rawData = typeof data === 'string' ? data : JSON.stringify(data);
  return JSON.stringify({ data: rawData, mac: hmacHex(key2, rawData), type });
}

/** The redirect query ZaloPay appends, in the alphabetical order of 2024 URLs, with its checksum. */
export function signRedirectQuery(fields: RedirectChecksumFields, key2: string): URLSearchParams {
  const checksum = hmacHex(key2, redirectChecksumInput(fields));
  return new URLSearchParams([
    ['amount', String(fields.amount)],
    ['appid', String(fields.appid)],
    ['apptransid', fields.apptransid],
    ['bankcode', fields.bankcode],
    ['checksum', checksum],
    ['discountamount', String(fields.discountamount)],
    ['pmcid', String(fields.pmcid)],
    ['status', String(fields.status)],
  ]);
}
