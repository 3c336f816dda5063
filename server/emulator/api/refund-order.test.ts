// POST /v2/refund and /v2/query_refund against a real emulator with the §12.4 refund vectors: a refund
// is accepted as processing, becomes a success on the emulator clock, and every rejection has its code.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { emulatorAdminClient, type EmulatorAdminClient } from '../admin/admin-client';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const NOW = 1704067260000;
/** The refund vectors' timestamp: 2024-01-01 08:00 in Vietnam. */
const REFUND_TIME = 1704070800000;
const jsonObject = z.record(z.string(), z.unknown());
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

let emulator: RunningEmulator;
let admin: EmulatorAdminClient;

async function post(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return jsonObject.parse(await response.json());
}

/** A paid 50 000 VND order whose zp_trans_id is 240101000000123, the one the refund vectors name. */
beforeEach(async () => {
  emulator = await startEmulator({ now: () => NOW, zpTransIdSequenceStart: 123 });
  admin = emulatorAdminClient(emulator.url);
  const embedData = '{"redirecturl":"https://merchant.example/result"}';
  const mac = hmac(KEY1_2553, `2553|240101_123456|user123|50000|1704067200000|${embedData}|[]`);
  await post('/v2/create', {
    app_id: 2553,
    app_user: 'user123',
    app_trans_id: '240101_123456',
    app_time: 1704067200000,
    amount: 50000,
    description: 'Order',
    item: '[]',
    embed_data: embedData,
    mac,
  });
  const paid = await admin.pay('240101_123456');
  expect(paid.order.zp_trans_id).toBe(240101000000123);
  await admin.setClockOffset(REFUND_TIME - NOW);
});
afterEach(async () => {
  await emulator.close();
});

/** refund-1 of §12.4. */
const REFUND_1 = {
  app_id: 2553,
  m_refund_id: '240101_2553_r0001',
  zp_trans_id: '240101000000123',
  amount: 50000,
  timestamp: REFUND_TIME,
  description: 'Refund order 240101_123456',
  mac: 'd1895f726743faad898bc2ea3d42cda74cd57cf9bd9e0945d392bb814f43914a',
};

/** query_refund-1 of §12.4. */
const QUERY_REFUND_1 = {
  app_id: 2553,
  m_refund_id: '240101_2553_r0001',
  timestamp: 1704071000000,
  mac: '4e788f40916e253352bc3d1108f6e883174be4a74ee8fadaefd6716760a177c9',
};

describe('refunds', () => {
  it('accepts refund-1 as processing, then query_refund-1 turns from 3 to 1 on the emulator clock', async () => {
    expect(
      hmac(KEY1_2553, '2553|240101000000123|50000|Refund order 240101_123456|1704070800000'),
    ).toBe(REFUND_1.mac);
    expect(hmac(KEY1_2553, '2553|240101_2553_r0001|1704071000000')).toBe(QUERY_REFUND_1.mac);

    const refund = await post('/v2/refund', REFUND_1);
    expect(Object.keys(refund)).toEqual([
      'return_code',
      'return_message',
      'sub_return_code',
      'sub_return_message',
      'refund_id',
    ]);
    expect(refund).toMatchObject({ return_code: 3, sub_return_code: 2 });
    expect(refund.refund_id).toEqual(expect.any(Number));

    expect(await post('/v2/query_refund', QUERY_REFUND_1)).toMatchObject({
      return_code: 3,
      sub_return_code: 2,
    });
    await admin.advanceClock(1000);
    expect(await post('/v2/query_refund', QUERY_REFUND_1)).toEqual({
      return_code: 1,
      return_message: 'Giao dịch thành công',
      sub_return_code: 1,
      sub_return_message: 'Giao dịch thành công',
    });
    const order = await admin.order('240101_123456');
    expect(jsonObject.parse(order).refunds).toEqual([
      expect.objectContaining({
        m_refund_id: '240101_2553_r0001',
        amount: 50000,
        status: 'success',
      }),
    ]);
  });

  it('accepts refund-2 whose MAC covers refund_fee_amount', async () => {
    const mac = '051e04b49ace6a088053c44daa2ffa43f08580dc8456de54cad5d6f62a9fb6ea';
    expect(
      hmac(KEY1_2553, '2553|240101000000123|50000|1000|Refund order 240101_123456|1704070800000'),
    ).toBe(mac);
    expect(await post('/v2/refund', { ...REFUND_1, refund_fee_amount: 1000, mac })).toMatchObject({
      return_code: 3,
    });
    expect(
      await post('/v2/refund', {
        ...REFUND_1,
        m_refund_id: '240101_2553_r0002',
        refund_fee_amount: 1000,
      }),
    ).toMatchObject({ sub_return_code: -402 });
  });

  it('answers -23 to a reused m_refund_id and -14 beyond the refundable amount', async () => {
    const partial = (amount: number, mRefundId: string) => ({
      ...REFUND_1,
      m_refund_id: mRefundId,
      amount,
      mac: hmac(
        KEY1_2553,
        `2553|240101000000123|${amount}|Refund order 240101_123456|${REFUND_TIME}`,
      ),
    });
    expect(await post('/v2/refund', partial(30000, '240101_2553_a'))).toMatchObject({
      return_code: 3,
    });
    expect(await post('/v2/refund', partial(10000, '240101_2553_a'))).toMatchObject({
      return_code: 2,
      sub_return_code: -23,
    });
    expect(await post('/v2/refund', partial(20001, '240101_2553_b'))).toMatchObject({
      return_code: 2,
      sub_return_code: -14,
    });
    expect(await post('/v2/refund', partial(20000, '240101_2553_c'))).toMatchObject({
      return_code: 3,
    });
  });

  it('answers -101 to an unknown zp_trans_id, -13 to a stale timestamp and -24 to a malformed m_refund_id', async () => {
    const unknown = {
      ...REFUND_1,
      zp_trans_id: '240101000000999',
      mac: hmac(KEY1_2553, `2553|240101000000999|50000|Refund order 240101_123456|${REFUND_TIME}`),
    };
    expect(await post('/v2/refund', unknown)).toMatchObject({
      return_code: 2,
      sub_return_code: -101,
    });
    await admin.advanceClock(16 * 60_000);
    expect(await post('/v2/refund', REFUND_1)).toMatchObject({
      return_code: 2,
      sub_return_code: -13,
    });
    await admin.setClockOffset(REFUND_TIME - NOW);
    expect(await post('/v2/refund', { ...REFUND_1, m_refund_id: 'refund-1' })).toMatchObject({
      return_code: 2,
      sub_return_code: -24,
    });
  });

  it('answers 2/-101 to query_refund of an unknown m_refund_id and -402 to a bad MAC', async () => {
    expect(await post('/v2/query_refund', QUERY_REFUND_1)).toMatchObject({
      return_code: 2,
      sub_return_code: -101,
    });
    expect(
      await post('/v2/query_refund', { ...QUERY_REFUND_1, timestamp: 1704071000001 }),
    ).toMatchObject({ sub_return_code: -402 });
  });
});
