// Verifies the query string ZaloPay appends when it sends the shopper back (docs/zalopay-protocol.md §6).
// A valid checksum only proves ZaloPay built the link: it is a hint to look, never proof of payment.
import { hmacHex, isWellFormedMac, macMatches, redirectChecksumInput } from './mac';

export interface RedirectParams {
  appId: number;
  appTransId: string;
  /** The payment method: 36 card, 38 wallet, 39 ATM; 0 when the shopper never chose one. */
  pmcid: number;
  /** '' for the wallet, 'CC' for cards. */
  bankCode: string;
  amount: number;
  discountAmount: number;
  /** 1 success; -49 cancelled or closed; other values are not documented. */
  status: number;
  checksum: string;
}

export type RedirectVerification =
  { ok: true; params: RedirectParams } | { ok: false; reason: string };

export const REDIRECT_STATUS = { SUCCESS: 1, CANCELLED: -49 } as const;

/** The query parameters as received, wire names verbatim. */
interface RedirectWireParams {
  appid: string;
  apptransid: string;
  pmcid: string;
  bankcode: string;
  amount: string;
  discountamount: string;
  status: string;
  checksum: string;
}

const INTEGER = /^-?\d{1,15}$/;

/** Accepts URLSearchParams or a parsed query object (e.g. Express's req.query). */
export function verifyRedirect(
  query: URLSearchParams | Record<string, unknown>,
  key2: string,
): RedirectVerification {
  const read = readParams(query);
  if (typeof read === 'string') return { ok: false, reason: read };
  if (!isWellFormedMac(read.checksum)) {
    return { ok: false, reason: 'checksum is not 64 lowercase hex characters' };
  }
  // The checksum covers the strings exactly as received, so it is checked before any parsing.
  if (!macMatches(hmacHex(key2, redirectChecksumInput(read)), read.checksum)) {
    return { ok: false, reason: 'checksum does not match' };
  }
  for (const name of ['appid', 'pmcid', 'amount', 'discountamount', 'status'] as const) {
    if (!INTEGER.test(read[name])) return { ok: false, reason: `${name} is not an integer` };
  }
  return {
    ok: true,
    params: {
      appId: Number(read.appid),
      appTransId: read.apptransid,
      pmcid: Number(read.pmcid),
      bankCode: read.bankcode,
      amount: Number(read.amount),
      discountAmount: Number(read.discountamount),
      status: Number(read.status),
      checksum: read.checksum,
    },
  };
}

/** Each parameter exactly once, as a string; the first problem as a reason string otherwise. */
function readParams(query: URLSearchParams | Record<string, unknown>): RedirectWireParams | string {
  const problems: string[] = [];
  const read = (name: keyof RedirectWireParams): string => {
    const all = query instanceof URLSearchParams ? query.getAll(name) : [query[name]].flat();
    const [value] = all;
    if (all.length > 1) problems.push(`${name} appears more than once`);
    else if (value === undefined) problems.push(`${name} is missing`);
    else if (typeof value !== 'string') problems.push(`${name} is not a string`);
    else return value;
    return '';
  };
  const params: RedirectWireParams = {
    appid: read('appid'),
    apptransid: read('apptransid'),
    pmcid: read('pmcid'),
    bankcode: read('bankcode'),
    amount: read('amount'),
    discountamount: read('discountamount'),
    status: read('status'),
    checksum: read('checksum'),
  };
  return problems[0] ?? params;
}
