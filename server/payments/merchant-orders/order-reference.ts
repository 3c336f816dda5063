// The merchant order's public reference: short enough to read out to support, safe in a URL and in
// app_trans_id, and unguessable enough (50 random bits) that nobody finds another shopper's order by trying.
import { randomInt } from 'node:crypto';

/** Crockford's base32: digits and capitals without I, L, O and U, which are misread for 1, 1, 0 and V. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

/** e.g. '7K3QMX9P2A'. */
export function newOrderReference(): string {
  let reference = '';
  for (let i = 0; i < LENGTH; i += 1) reference += ALPHABET[randomInt(ALPHABET.length)];
  return reference;
}
