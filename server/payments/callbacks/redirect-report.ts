// The shopper's return from ZaloPay (/order/confirmation?apptransid=…&status=…&checksum=…): written to
// the ledger, and what it claims handed back only as a hint for wording. It never changes an order:
// only a verified callback or ZaloPay's /v2/query does (docs/design.md §2.6).
import { REDIRECT_STATUS, verifyRedirect } from '../../zalopay';

/**
 * `unverified`: the checksum is missing or wrong (a forged or hand-typed URL), so it says nothing.
 * The others are what a genuine redirect claims; the order's status still decides what is shown.
 */
export type RedirectClaim = 'success' | 'cancelled' | 'not_completed' | 'unverified';

export interface RedirectHint {
  appTransId: string | null;
  claim: RedirectClaim;
}

export interface ReadRedirect extends RedirectHint {
  /** What goes in the ledger: the parameters as received and whether the checksum held. */
  details: Record<string, unknown>;
}

export function readRedirect(query: Record<string, string>, key2: string): ReadRedirect {
  const appTransId = query.apptransid?.trim() || null;
  const verified = verifyRedirect(query, key2);
  if (!verified.ok) {
    return {
      appTransId,
      claim: 'unverified',
      details: { checksumValid: false, reason: verified.reason, status: query.status ?? null },
    };
  }
  const { status, pmcid, bankCode, amount } = verified.params;
  const claim: RedirectClaim =
    status === REDIRECT_STATUS.SUCCESS
      ? 'success'
      : status === REDIRECT_STATUS.CANCELLED
        ? 'cancelled'
        : 'not_completed';
  return {
    appTransId: verified.params.appTransId,
    claim,
    details: { checksumValid: true, status, pmcid, bankCode, amount },
  };
}
