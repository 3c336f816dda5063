// POST /v2/query against a real emulator with hand-built MACs (§12.4 query vectors): pending, paid,
// in flight, expired via the admin clock, older than 48 hours, unknown, bad MAC; exact response bytes.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { emulatorAdminClient, type EmulatorAdminClient } from '../admin/admin-client';
import { startMerchantReceiver } from '../../testing/merchant-receiver';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const KEY1_2554 = 'sdngKKJmqEMzvh5QQcdD2A9XBSKUNaYn';
const NOW = 1704067260000;
const jsonObject = z.record(z.string(), z.unknown());
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

let emulator: RunningEmulator;
let admin: EmulatorAdminClient;
beforeEach(async () => {
  emulator = await startEmulator({ now: () => NOW, zpTransIdSequenceStart: 123 });
  admin = emulatorAdminClient(emulator.url);
});
afterEach(async () => {
  await emulator.close();
});

async function post(path: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.text();
}

async function createOrder1(extra: Record<string, unknown> = {}) {
  const embedData = '{"redirecturl":"https://merchant.example/result"}';
  const mac = hmac(KEY1_2553, `2553|240101_123456|user123|50000|1704067200000|${embedData}|[]`);
  const body = {
    app_id: 2553,
    app_user: 'user123',
    app_trans_id: '240101_123456',
    app_time: 1704067200000,
    amount: 50000,
    description: 'Order 123456',
    item: '[]',
    embed_data: embedData,
    mac,
    ...extra,
  };
  expect(jsonObject.parse(JSON.parse(await post('/v2/create', body))).return_code).toBe(1);
}

/** query-1 of §12.4. */
const QUERY_1 = {
  app_id: 2553,
  app_trans_id: '240101_123456',
  mac: '1f398e7ecd7cc19e0c1baa0f82a47e11cb1042544f9d90dd55bbb0aa2522c2d0',
};

describe('POST /v2/query', () => {
  it('answers 3 for an unpaid order, in the §4.2 layout', async () => {
    expect(hmac(KEY1_2553, `2553|240101_123456|${KEY1_2553}`)).toBe(QUERY_1.mac);
    await createOrder1();
    expect(await post('/v2/query', QUERY_1)).toBe(
      `{"return_code":3,"return_message":"Giao dịch đang xử lý","sub_return_code":1,"sub_return_message":"Giao dịch đang xử lý","is_processing":false,"amount":0,"zp_trans_id":0,"server_time":${NOW},"discount_amount":0}`,
    );
  });

  it('answers 1 with amount and zp_trans_id once paid, exactly like the real success response', async () => {
    await createOrder1();
    await admin.pay('240101_123456', { channel: 38 });
    expect(await post('/v2/query', QUERY_1)).toBe(
      `{"return_code":1,"return_message":"Giao dịch thành công","sub_return_code":1,"sub_return_message":"Giao dịch thành công","is_processing":false,"amount":50000,"zp_trans_id":240101000000123,"server_time":${NOW},"discount_amount":0}`,
    );
  });

  it('says is_processing while the first callback of a payment is in flight', async () => {
    const merchant = await startMerchantReceiver(() => ({
      status: 200,
      body: '{"return_code":1}',
      delayMs: 1500,
    }));
    try {
      await createOrder1({ callback_url: merchant.url });
      const paying = admin.pay('240101_123456');
      await merchant.waitFor(1);
      const during = jsonObject.parse(JSON.parse(await post('/v2/query', QUERY_1)));
      expect(during).toMatchObject({ return_code: 3, is_processing: true });
      await paying;
      const after = jsonObject.parse(JSON.parse(await post('/v2/query', QUERY_1)));
      expect(after).toMatchObject({ return_code: 1, is_processing: false });
    } finally {
      await merchant.close();
    }
  });

  it('answers 2/-54 once the order expired on the emulator clock', async () => {
    await createOrder1();
    await admin.advanceClock(15 * 60_000);
    expect(await post('/v2/query', QUERY_1)).toBe(
      `{"return_code":2,"return_message":"Giao dịch thất bại","sub_return_code":-54,"sub_return_message":"Giao dịch hết hạn","is_processing":false,"amount":0,"zp_trans_id":0,"server_time":${NOW + 15 * 60_000},"discount_amount":0}`,
    );
  });

  it('answers the configured code for an order older than 48 hours, even a paid one', async () => {
    await createOrder1();
    await admin.pay('240101_123456');
    await admin.advanceClock(49 * 3_600_000);
    expect(jsonObject.parse(JSON.parse(await post('/v2/query', QUERY_1)))).toMatchObject({
      return_code: 2,
      sub_return_code: -54,
    });
    await admin.updateSettings({ queryAfterWindowSubReturnCode: -101 });
    expect(jsonObject.parse(JSON.parse(await post('/v2/query', QUERY_1)))).toMatchObject({
      return_code: 2,
      sub_return_code: -101,
    });
  });

  it('answers 2/-101 for an unknown app_trans_id', async () => {
    const json = jsonObject.parse(JSON.parse(await post('/v2/query', QUERY_1)));
    expect(json).toMatchObject({
      return_code: 2,
      sub_return_code: -101,
      sub_return_message: 'Giao dịch không tồn tại',
    });
  });

  it('accepts the query-2 vector for app 2554 and answers -402 to a MAC without key1 in the input', async () => {
    const query2 = {
      app_id: 2554,
      app_trans_id: '240101_ORDER0001',
      mac: '2dc69455b3c672ca2cc5e4db0b9b7a366de8c4bcff2f6cea902168e0df3717b9',
    };
    expect(hmac(KEY1_2554, `2554|240101_ORDER0001|${KEY1_2554}`)).toBe(query2.mac);
    expect(jsonObject.parse(JSON.parse(await post('/v2/query', query2))).sub_return_code).toBe(
      -101,
    );

    const withoutKey = { ...query2, mac: hmac(KEY1_2554, '2554|240101_ORDER0001') };
    expect(jsonObject.parse(JSON.parse(await post('/v2/query', withoutKey))).sub_return_code).toBe(
      -402,
    );
    const [logged] = (await admin.requests('240101_ORDER0001')).slice(-1);
    expect(logged?.hints).toEqual([
      'The MAC is over app_id|app_trans_id only: this formula ends with key1 itself, sign app_id|app_trans_id|key1 (the key is both the HMAC key and the last field).',
    ]);
  });

  it('answers -401 when app_trans_id is missing', async () => {
    const json = jsonObject.parse(
      JSON.parse(await post('/v2/query', { app_id: 2553, mac: QUERY_1.mac })),
    );
    expect(json.sub_return_code).toBe(-401);
  });
});
