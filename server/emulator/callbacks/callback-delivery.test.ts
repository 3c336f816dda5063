// The callback and the redirect, seen from a real merchant server on 127.0.0.1: exact bytes (§5, the
// §12.4 callback-synth body), key2 MAC, raw UTF-8, retries and their record, the redirect's checksum.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { ACCEPT, startMerchantReceiver } from '../../testing/merchant-receiver';
import type { MerchantReceiver, MerchantReply } from '../../testing/merchant-receiver';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const KEY2_2553 = 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz';
/** callback-synth's server_time: the moment the shopper pays. */
const NOW = 1704067260000;
const jsonObject = z.record(z.string(), z.unknown());
const callbackEnvelope = z.object({ data: z.string(), mac: z.string(), type: z.number() });
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

let emulator: RunningEmulator;
let merchant: MerchantReceiver | undefined;

beforeEach(async () => {
  emulator = await startEmulator({
    now: () => NOW,
    zpTransIdSequenceStart: 123,
    settings: { callbackRetryIntervalMs: 50 },
  });
});
afterEach(async () => {
  await emulator.close();
  await merchant?.close();
  merchant = undefined;
});

interface OrderInput {
  appTransId: string;
  appUser: string;
  description: string;
  item: string;
  embedData: string;
  callbackUrl: string;
}

async function createOrder(input: OrderInput): Promise<void> {
  const mac = hmac(
    KEY1_2553,
    `2553|${input.appTransId}|${input.appUser}|50000|1704067200000|${input.embedData}|${input.item}`,
  );
  const response = await fetch(`${emulator.url}/v2/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      app_id: 2553,
      app_user: input.appUser,
      app_trans_id: input.appTransId,
      app_time: 1704067200000,
      amount: 50000,
      description: input.description,
      item: input.item,
      embed_data: input.embedData,
      callback_url: input.callbackUrl,
      mac,
    }),
  });
  expect(jsonObject.parse(await response.json()).return_code).toBe(1);
}

async function pay(appTransId: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/admin/orders/${appTransId}/pay`, {
    method: 'POST',
    body: '{"channel":38}',
  });
  expect(response.status).toBe(200);
  return jsonObject.parse(await response.json());
}

async function orderTruth(appTransId: string) {
  return jsonObject.parse(await (await fetch(`${emulator.url}/admin/orders/${appTransId}`)).json());
}

async function settle(): Promise<void> {
  await fetch(`${emulator.url}/admin/callbacks/settle`, { method: 'POST' });
}

const order123456 = (callbackUrl: string): OrderInput => ({
  appTransId: '240101_123456',
  appUser: 'user123',
  description: 'Order 123456',
  item: '[]',
  embedData: '{"redirecturl":"https://merchant.example/result"}',
  callbackUrl,
});

describe('the callback', () => {
  it('is byte for byte the §12.4 callback-synth body, JSON, signed with key2 and not key1', async () => {
    merchant = await startMerchantReceiver();
    await createOrder(order123456(merchant.url));
    await pay('240101_123456');

    const [callback] = await merchant.waitFor(1);
    expect(callback?.headers['content-type']).toBe('application/json');
    expect(callback?.text).toBe(
      String.raw`{"data":"{\"app_id\":2553,\"app_trans_id\":\"240101_123456\",\"app_time\":1704067200000,\"app_user\":\"user123\",\"amount\":50000,\"embed_data\":\"{\\\"redirecturl\\\":\\\"https://merchant.example/result\\\"}\",\"item\":\"[]\",\"zp_trans_id\":240101000000123,\"server_time\":1704067260000,\"channel\":38,\"merchant_user_id\":\"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA\",\"zp_user_id\":\"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA\",\"user_fee_amount\":0,\"discount_amount\":0}","mac":"2fc2900b469019596d925e0926c8bd91d021e8149b6bc43ff8fd5961f754e7cf","type":1}`,
    );
    const { data, mac } = callbackEnvelope.parse(JSON.parse(callback?.text ?? ''));
    expect(hmac(KEY2_2553, data)).toBe(mac);
    expect(hmac(KEY1_2553, data)).not.toBe(mac);
  });

  it('keeps Vietnamese text as raw UTF-8 and echoes embed_data and item exactly', async () => {
    merchant = await startMerchantReceiver();
    const item = '[{"itemid":"sku1","itemname":"Áo thun","itemprice":50000,"itemquantity":1}]';
    const embedData = '{"redirecturl":"https://merchant.example/kết-quả","ghi_chú":"giao nhanh"}';
    await createOrder({
      appTransId: '240101_vn1',
      appUser: 'Nguyễn Văn A',
      description: 'Áo thun',
      item,
      embedData,
      callbackUrl: merchant.url,
    });
    await pay('240101_vn1');

    const [callback] = await merchant.waitFor(1);
    const expectedData =
      '{"app_id":2553,"app_trans_id":"240101_vn1","app_time":1704067200000,"app_user":"Nguyễn Văn A","amount":50000,' +
      String.raw`"embed_data":"{\"redirecturl\":\"https://merchant.example/kết-quả\",\"ghi_chú\":\"giao nhanh\"}",` +
      String.raw`"item":"[{\"itemid\":\"sku1\",\"itemname\":\"Áo thun\",\"itemprice\":50000,\"itemquantity\":1}]",` +
      '"zp_trans_id":240101000000123,"server_time":1704067260000,"channel":38,' +
      '"merchant_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA","zp_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA",' +
      '"user_fee_amount":0,"discount_amount":0}';
    const { data, mac } = callbackEnvelope.parse(JSON.parse(callback?.text ?? ''));
    expect(data).toBe(expectedData);
    expect(mac).toBe(hmac(KEY2_2553, expectedData));
    expect(callback?.raw.includes(Buffer.from('Nguyễn Văn A', 'utf8'))).toBe(true);
    expect(callback?.text).not.toMatch(/\\u[0-9a-f]{4}/i);
  });

  it('is retried 3 times while the merchant answers return_code 0, and every attempt is recorded', async () => {
    merchant = await startMerchantReceiver(() => ({
      status: 200,
      body: '{"return_code":0,"return_message":"try again"}',
    }));
    await createOrder(order123456(merchant.url));
    await pay('240101_123456');
    await settle();

    expect(merchant.received).toHaveLength(4);
    expect(new Set(merchant.received.map((callback) => callback.text)).size).toBe(1);
    const truth = await orderTruth('240101_123456');
    expect(truth.status).toBe('paid');
    const callback = z
      .object({ state: z.string(), attempts: z.array(jsonObject) })
      .parse(truth.callback);
    expect(callback.state).toBe('gave_up');
    expect(
      callback.attempts.map((attempt) => [
        attempt.attempt,
        attempt.kind,
        attempt.http_status,
        attempt.reply,
        attempt.accepted,
      ]),
    ).toEqual([
      [1, 'first', 200, '{"return_code":0,"return_message":"try again"}', false],
      [2, 'retry', 200, '{"return_code":0,"return_message":"try again"}', false],
      [3, 'retry', 200, '{"return_code":0,"return_message":"try again"}', false],
      [4, 'retry', 200, '{"return_code":0,"return_message":"try again"}', false],
    ]);
  });

  it('is retried after HTTP 500 and stops at the first return_code 1', async () => {
    const replies: MerchantReply[] = [
      { status: 500, body: '{"return_code":-1}' },
      { status: 500, body: 'oops' },
      { status: 200, body: '{"return_code":1,"return_message":"success"}' },
    ];
    merchant = await startMerchantReceiver((index) => replies[index] ?? ACCEPT);
    await createOrder(order123456(merchant.url));
    await pay('240101_123456');
    await settle();

    expect(merchant.received).toHaveLength(3);
    const callback = z
      .object({ state: z.string(), attempts: z.array(jsonObject) })
      .parse((await orderTruth('240101_123456')).callback);
    expect(callback.state).toBe('delivered');
    expect(callback.attempts.map((attempt) => attempt.http_status)).toEqual([500, 500, 200]);
  });

  it('is retried after a refused connection, recording the error', async () => {
    merchant = await startMerchantReceiver();
    const deadUrl = merchant.url;
    await merchant.close();
    merchant = undefined;
    await createOrder(order123456(deadUrl));
    await pay('240101_123456');
    await settle();
    const callback = z
      .object({ state: z.string(), attempts: z.array(jsonObject) })
      .parse((await orderTruth('240101_123456')).callback);
    expect(callback.state).toBe('gave_up');
    expect(callback.attempts).toHaveLength(4);
    expect(callback.attempts[0]).toMatchObject({
      http_status: null,
      error: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('treats a return_code 2 reply as done only when treatReply2AsDone is on', async () => {
    merchant = await startMerchantReceiver(() => ({
      status: 200,
      body: '{"return_code":2,"return_message":"duplicate"}',
    }));
    await createOrder(order123456(merchant.url));
    await pay('240101_123456');
    await settle();
    expect(merchant.received).toHaveLength(4);

    emulator.settings.treatReply2AsDone = true;
    await createOrder({ ...order123456(merchant.url), appTransId: '240101_second' });
    await pay('240101_second');
    await settle();
    expect(merchant.received).toHaveLength(5);
  });

  it('finishes its first attempt before the redirect by default, and after it with callbackBeforeRedirect off', async () => {
    merchant = await startMerchantReceiver(() => ({
      status: 200,
      body: '{"return_code":1}',
      delayMs: 300,
    }));
    await createOrder(order123456(merchant.url));
    const before = await pay('240101_123456');
    expect(
      z.object({ callback: z.object({ attempts: z.array(jsonObject) }) }).parse(before.order)
        .callback.attempts,
    ).toHaveLength(1);

    emulator.settings.callbackBeforeRedirect = false;
    await createOrder({ ...order123456(merchant.url), appTransId: '240101_redirect_first' });
    const after = await pay('240101_redirect_first');
    expect(
      z.object({ callback: z.object({ attempts: z.array(jsonObject) }) }).parse(after.order)
        .callback.attempts,
    ).toHaveLength(0);
    await merchant.waitFor(2);
    await settle();
    expect((await orderTruth('240101_redirect_first')).status).toBe('paid');
  });
});

describe('the redirect after payment', () => {
  it('carries the seven params in alphabetical order and a key2 checksum', async () => {
    merchant = await startMerchantReceiver();
    await createOrder(order123456(merchant.url));
    const result = await pay('240101_123456');
    const checksum = hmac(KEY2_2553, '2553|240101_123456|38||50000|0|1');
    expect(checksum).toBe('2b2417ddabfc0faacf5eadcaf8ef10996ca2f365441ecd1d2e3e9ac2beb48d0e');
    expect(result.redirect_url).toBe(
      `https://merchant.example/result?amount=50000&appid=2553&apptransid=240101_123456&bankcode=&checksum=${checksum}&discountamount=0&pmcid=38&status=1`,
    );
  });

  it('appends with & to a redirect URL that already has a query', async () => {
    merchant = await startMerchantReceiver();
    const embedData = '{"redirecturl":"https://shop.example/?page_id=7&order-received=42"}';
    await createOrder({ ...order123456(merchant.url), embedData });
    const url = new URL(String((await pay('240101_123456')).redirect_url));
    expect([...url.searchParams.keys()]).toEqual([
      'page_id',
      'order-received',
      'amount',
      'appid',
      'apptransid',
      'bankcode',
      'checksum',
      'discountamount',
      'pmcid',
      'status',
    ]);
  });
});
