// What a checksum-verified redirect says went wrong, in the words the client translates. The page reads the
// redirect's `status` only after the server verified its checksum (reportRedirect's claim), never before.
import type { RedirectClaim } from '../../server/payments/callbacks/redirect-report';

export type RedirectReason = 'declined' | 'cancelled' | 'other';

/** The redirect `status` of a declined card (the one real failed redirect, docs/zalopay-protocol.md §12.3). */
const DECLINED_STATUS = '-59';

/** Null when the redirect is unverified or claims success: then it says nothing about a failure. */
export function redirectReason(
  claim: RedirectClaim | undefined,
  search: string,
): RedirectReason | null {
  if (claim === 'cancelled') return 'cancelled';
  if (claim !== 'not_completed') return null;
  return new URLSearchParams(search).get('status') === DECLINED_STATUS ? 'declined' : 'other';
}
