// Explains a wrong request MAC in plain words by trying the mistakes integrations make: the right
// fields in another order, key2 instead of key1, uppercase hex, and per endpoint the wrong field sets
// public samples sign (refund: m_refund_id signed, a fee sent but not signed). Runs only after a mismatch.
import { hmacHex } from '../../zalopay/mac';

export type SignedField = readonly [name: string, value: string | number];

export interface MacMismatch {
  /** The fields of the correct formula, in ZaloPay's order. */
  fields: readonly SignedField[];
  key1: string;
  key2: string;
  received: string;
  /** Wrong field sets worth trying (in any order), each with the sentence that explains it. */
  variants?: readonly MacVariant[];
}

export interface MacVariant {
  fields: readonly SignedField[];
  /** The explanation, given the order of the fields the MAC matched. */
  explain: (signed: string) => string;
}

/** Orders of up to 7 fields (5,040 HMACs at most, a few milliseconds). */
const MAX_PERMUTED_FIELDS = 7;

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let index = 0; index < items.length; index++) {
    const rest = [...items.slice(0, index), ...items.slice(index + 1)];
    const first = items[index] as T;
    for (const tail of permutations(rest)) yield [first, ...tail];
  }
}

const joined = (fields: readonly SignedField[]) => fields.map(([, value]) => value).join('|');
const names = (fields: readonly SignedField[]) => fields.map(([name]) => name).join('|');

/** The order of `fields` whose key1 HMAC is `wanted`, if any (up to MAX_PERMUTED_FIELDS fields). */
function matchingOrder(
  fields: readonly SignedField[],
  key1: string,
  wanted: string,
): SignedField[] | null {
  if (fields.length > MAX_PERMUTED_FIELDS) return null;
  for (const order of permutations(fields)) {
    if (hmacHex(key1, joined(order)) === wanted) return order;
  }
  return null;
}

/** One or more sentences saying what the merchant most likely did; a general checklist otherwise. */
export function explainMacMismatch(mismatch: MacMismatch): string[] {
  const { fields, key1, key2, received } = mismatch;
  const correctInput = joined(fields);
  const expected = hmacHex(key1, correctInput);
  if (received.toLowerCase() === expected) {
    return ['The MAC is right but written in uppercase hex: ZaloPay MACs are lowercase hex.'];
  }
  if (!/^[0-9a-fA-F]{64}$/.test(received)) {
    return [
      `The MAC is not 64 hex characters (got ${received.length} characters): it should be the lowercase hex of HMAC-SHA256(key1, ${names(fields)}).`,
    ];
  }
  const wanted = received.toLowerCase();
  if (hmacHex(key2, correctInput) === wanted) {
    return [
      'The MAC was computed with key2. Requests to ZaloPay are signed with key1; key2 only verifies callbacks and redirects.',
    ];
  }
  const reordered = matchingOrder(fields, key1, wanted);
  if (reordered) {
    return [
      `The MAC is over the right fields in the wrong order: ${names(reordered)}. ZaloPay signs ${names(fields)}.`,
    ];
  }
  for (const variant of mismatch.variants ?? []) {
    const order = matchingOrder(variant.fields, key1, wanted);
    if (order) return [variant.explain(names(order))];
  }
  return [
    `The MAC matches no common mistake. Sign exactly ${names(fields)} joined with "|" (numbers as plain decimals, item and embed_data as the exact strings sent) with key1, and compare your string with the signed string shown here.`,
  ];
}
