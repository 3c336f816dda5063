// Issues zp_trans_id and refund_id the way the gateway formats them: Vietnam yymmdd + a 9-digit
// sequence (docs/zalopay-protocol.md §5.3). The sequence starts at a random point so that ids stay unique
// across emulator restarts against a merchant database that keeps its rows (its zp_trans_id is unique).
import { randomInt } from 'node:crypto';
import { vietnamYymmdd } from '../../zalopay/vietnam-date';

export interface TransactionIds {
  nextZpTransId(now: number): number;
  nextRefundId(now: number): number;
}

const SEQUENCE_MODULUS = 1_000_000_000;

export function createTransactionIds(sequenceStart?: number): TransactionIds {
  let sequence = sequenceStart ?? randomInt(1, SEQUENCE_MODULUS / 2);
  const next = (now: number) => {
    const id = Number(vietnamYymmdd(now) + String(sequence % SEQUENCE_MODULUS).padStart(9, '0'));
    sequence += 1;
    return id;
  };
  return { nextZpTransId: next, nextRefundId: next };
}
