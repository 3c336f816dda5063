// Faults asked for through POST /admin/faults, observed from outside: callbacks dropped, duplicated,
// delayed, reordered or wrongly signed, and API calls answered with 5xx, -429 or a held response.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { emulatorAdminClient, type EmulatorAdminClient } from './admin-client';
import { startMerchantReceiver } from '../../testing/merchant-receiver';
import type { MerchantReceiver } from '../../testing/merchant-receiver';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const KEY2_2553 = 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz';
const NOW = 1704067260000;
const jsonObject = z.record(z.string(), z.unknown());
const callbackEnvelope = z.object({ data: z.string(), mac: z.string(), type: z.literal(1) });
const callbackData = z.object({ app_trans_id: z.string() });
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

let emulator: RunningEmulator;
let admin: EmulatorAdminClient;
let merchant: MerchantReceiver;

beforeEach(async () => {
  emulator = await startEmulator({ now: () => NOW, settings: { callbackRetryIntervalMs: 50 } });
  admin = emulatorAdminClient(emulator.url);
  merchant = await startMerchantReceiver();
});
afterEach(async () => {
  await emulator.close();
  await merchant.close();
});

function createBody(appTransId: string): Record<string, unknown> {
  const mac = hmac(KEY1_2553, `2553|${appTransId}|user123|50000|1704067200000|{}|[]`);
  return {
    app_id: 2553,
    app_user: 'user123',
    app_trans_id: appTransId,
    app_time: 1704067200000,
    amount: 50000,
    description: 'Order',
    item: '[]',
    embed_data: '{}',
    callback_url: merchant.url,
    mac,
  };
}

async function callApi(path: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function createOrder(appTransId: string): Promise<void> {
  expect(
    jsonObject.parse(await (await callApi('/v2/create', createBody(appTransId))).json())
      .return_code,
  ).toBe(1);
}

async function payAndSettle(appTransId: string): Promise<void> {
  await admin.pay(appTransId);
  await admin.settleCallbacks();
}

const queryBody = (appTransId: string) => ({
  app_id: 2553,
  app_trans_id: appTransId,
  mac: hmac(KEY1_2553, `2553|${appTransId}|${KEY1_2553}`),
});

describe('callback faults', () => {
  it('drop: no delivery at all, yet the order is paid for query', async () => {
    await admin.addFaults({ callbacks: { drop: 1 } });
    await createOrder('240101_drop');
    await payAndSettle('240101_drop');

    expect(merchant.received).toHaveLength(0);
    const truth = await admin.order('240101_drop');
    expect(truth).toMatchObject({ status: 'paid', callback: { state: 'dropped', attempts: [] } });
    const query = jsonObject.parse(
      await (await callApi('/v2/query', queryBody('240101_drop'))).json(),
    );
    expect(query.return_code).toBe(1);
    expect(await admin.faults()).toMatchObject({ callbacks: { drop: 0 } });
  });

  it('duplicate: the same callback arrives twice', async () => {
    await admin.addFaults({ callbacks: { duplicate: 1 } });
    await createOrder('240101_dup');
    await payAndSettle('240101_dup');
    expect(merchant.received).toHaveLength(2);
    expect(merchant.received[0]?.text).toBe(merchant.received[1]?.text);
  });

  it('corruptMac: a well-formed MAC that does not verify with key2, on every attempt', async () => {
    await merchant.close();
    merchant = await startMerchantReceiver(() => ({
      status: 200,
      body: '{"return_code":-1,"return_message":"mac not equal"}',
    }));
    await admin.addFaults({ callbacks: { corruptMac: 1 } });
    await createOrder('240101_badmac');
    await payAndSettle('240101_badmac');

    expect(merchant.received).toHaveLength(4);
    for (const callback of merchant.received) {
      const { data, mac } = callbackEnvelope.parse(JSON.parse(callback.text));
      expect(mac).toMatch(/^[0-9a-f]{64}$/);
      expect(mac).not.toBe(hmac(KEY2_2553, data));
    }
  });

  it('delayMs: the callback arrives after the pay action answered', async () => {
    await admin.addFaults({ callbacks: { delayMs: 300, delayCount: 1 } });
    await createOrder('240101_late');
    const paid = await admin.pay('240101_late');
    expect(paid).toMatchObject({
      order: { status: 'paid', callback: { state: 'held', attempts: [] } },
    });
    expect(merchant.received).toHaveLength(0);
    await merchant.waitFor(1);
    expect(merchant.received).toHaveLength(1);
  });

  it('reorder: two callbacks are delivered newest first', async () => {
    await admin.addFaults({ callbacks: { reorder: 2 } });
    await createOrder('240101_first');
    await createOrder('240101_second');
    await admin.pay('240101_first');
    await admin.pay('240101_second');
    await merchant.waitFor(2);
    const order = merchant.received.map(
      (callback) =>
        callbackData.parse(JSON.parse(callbackEnvelope.parse(JSON.parse(callback.text)).data))
          .app_trans_id,
    );
    expect(order).toEqual(['240101_second', '240101_first']);
  });

  it('DELETE /admin/faults clears what is pending', async () => {
    await admin.addFaults({
      callbacks: { drop: 3 },
      api: { fault: '5xx', count: 2 },
    });
    expect(await admin.faults()).toMatchObject({
      callbacks: { drop: 3 },
      api: [{ fault: '5xx', remaining: 2 }],
    });
    expect(await admin.clearFaults()).toMatchObject({
      callbacks: { drop: 0 },
      api: [],
    });
  });

  it('rejects a malformed fault request with HTTP 400', async () => {
    const response = await fetch(`${emulator.url}/admin/faults`, {
      method: 'POST',
      body: JSON.stringify({ api: { fault: 'meteor' } }),
    });
    expect(response.status).toBe(400);
  });
});

describe('API faults', () => {
  it('5xx: the next N calls to the named endpoints fail with that HTTP status, others are untouched', async () => {
    await admin.addFaults({
      api: { fault: '5xx', count: 2, endpoints: ['query'], status: 502 },
    });
    await createOrder('240101_q');
    expect((await callApi('/v2/query', queryBody('240101_q'))).status).toBe(502);
    expect((await callApi('/v2/query', queryBody('240101_q'))).status).toBe(502);
    const third = await callApi('/v2/query', queryBody('240101_q'));
    expect(third.status).toBe(200);
    expect(jsonObject.parse(await third.json()).return_code).toBe(3);
  });

  it('rate_limit: the next call answers -429', async () => {
    await admin.addFaults({ api: { fault: 'rate_limit', endpoints: ['create'] } });
    const limited = jsonObject.parse(
      await (await callApi('/v2/create', createBody('240101_rl'))).json(),
    );
    expect(limited).toMatchObject({ return_code: 2, sub_return_code: -429 });
    expect(
      jsonObject.parse(await (await callApi('/v2/create', createBody('240101_rl'))).json())
        .return_code,
    ).toBe(1);
  });

  it('timeout: the answer is held for timeoutFaultMs, and the order was created meanwhile', async () => {
    emulator.settings.timeoutFaultMs = 400;
    await admin.addFaults({ api: { fault: 'timeout', endpoints: ['create'] } });
    const started = performance.now();
    const held = callApi('/v2/create', createBody('240101_slow'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await admin.order('240101_slow')).toMatchObject({ status: 'pending' });
    const response = await held;
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(jsonObject.parse(await response.json()).return_code).toBe(1);
    expect(
      jsonObject.parse(await (await callApi('/v2/create', createBody('240101_slow'))).json())
        .sub_return_code,
    ).toBe(-68);
  });

  it('timeout: a held response does not keep close() waiting', async () => {
    await admin.addFaults({ api: { fault: 'timeout' } });
    const held = callApi('/v2/query', queryBody('240101_none')).then(
      () => 'answered',
      () => 'connection closed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await emulator.close();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(await held).toBe('connection closed');
  });
});
