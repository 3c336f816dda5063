// Pre-signed callback bodies, one per seeded PENDING order, exactly as ZaloPay would POST them: the load
// generator only sends bytes, so no HMAC work of its own lands in the measured window.
import { signCallbackBody } from '../zalopay';
import {
  BENCH_AMOUNT,
  BENCH_APP_ID,
  BENCH_APP_USER,
  BENCH_EMBED_DATA,
  benchAppTransId,
} from './seed-orders';

/** 15-digit zp_trans_ids like ZaloPay's; each batch gets its own range so none repeats across the run. */
const ZP_TRANS_ID_BASE = 260_000_000_000_000;

export interface CallbackBatch {
  tag: string;
  /** Order numbers first..last (inclusive) of the seeded batch. */
  first: number;
  last: number;
  /** Distinct per batch (0, 1, 2, ...): keeps zp_trans_ids unique across batches. */
  batchIndex: number;
}

export function signedCallbackBodies(batch: CallbackBatch, key2: string): string[] {
  const bodies: string[] = [];
  const serverTime = Date.now();
  for (let n = batch.first; n <= batch.last; n += 1) {
    const data = {
      app_id: BENCH_APP_ID,
      app_trans_id: benchAppTransId(batch.tag, n),
      app_time: serverTime,
      app_user: BENCH_APP_USER,
      amount: BENCH_AMOUNT,
      embed_data: BENCH_EMBED_DATA,
      item: '[]',
      zp_trans_id: ZP_TRANS_ID_BASE + batch.batchIndex * 10_000_000 + n,
      server_time: serverTime,
      channel: 38,
      merchant_user_id: 'bench-payer',
      zp_user_id: 'bench-payer',
      user_fee_amount: 0,
      discount_amount: 0,
    };
    bodies.push(signCallbackBody(data, key2));
  }
  return bodies;
}
