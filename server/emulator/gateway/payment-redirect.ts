// The browser's return trip to the merchant (docs/zalopay-protocol.md §6): the redirect URL plus the seven
// parameters and their key2 checksum, in the alphabetical order of 2024+ traffic, appended with `&`
// when the URL already has a query.
import { hmacHex, redirectChecksumInput } from '../../zalopay/mac';

export interface RedirectParams {
  appid: number;
  apptransid: string;
  pmcid: number;
  bankcode: string;
  amount: number;
  discountamount: number;
  status: number;
}

export function paymentRedirectUrl(baseUrl: string, params: RedirectParams, key2: string): string {
  const checksum = hmacHex(key2, redirectChecksumInput(params));
  const ordered: [string, string | number][] = [
    ['amount', params.amount],
    ['appid', params.appid],
    ['apptransid', params.apptransid],
    ['bankcode', params.bankcode],
    ['checksum', checksum],
    ['discountamount', params.discountamount],
    ['pmcid', params.pmcid],
    ['status', params.status],
  ];
  const query = ordered.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  const hashAt = baseUrl.indexOf('#');
  const beforeHash = hashAt === -1 ? baseUrl : baseUrl.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : baseUrl.slice(hashAt);
  const separator = !beforeHash.includes('?') ? '?' : /[?&]$/.test(beforeHash) ? '' : '&';
  return `${beforeHash}${separator}${query}${hash}`;
}
