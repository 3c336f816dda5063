// POST /v2/cancel against a real emulator with hand-built MACs: an unpaid order is cancelled for good
// (query, gateway page, pay actions all refuse it afterwards), a paid or unknown one is refused with its
// code, a bad MAC is explained, the pay_first fault races a payment in; exact response bytes.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { emulatorAdminClient, type EmulatorAdminClient } from '../admin/admin-client';
import { startMerchantReceiver } from '../../testing/merchant-receiver';

const KEY1 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const NOW = 1704067260000;
const ID = '240101_123456';
const jsonObject = z.record(z.string(), z.unknown());
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');
/** cancel-1: the same input as query-1 of §12.4 (app_id|app_trans_id|key1). */
const CANCEL_1 = { app_id: 2553, app_trans_id: ID, mac: hmac(KEY1, `2553|${ID}|${KEY1}`) };
const CANCELLED = `{"return_code":1,"return_message":"Giao dịch thành công","sub_return_code":1,"sub_return_message":"Giao dịch thành công"}`;

let emulator: RunningEmulator;
let admin: EmulatorAdminClient;
beforeEach(async () => {
  emulator = await startEmulator({ now: () => NOW, zpTransIdSequenceStart: 123 });
  admin = emulatorAdminClient(emulator.url);
});
afterEach(async () => {
  await emulator.close();
});

async function post(path: string, body: Record<string, unknown> | string, form = false) {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function createOrder(extra: Record<string, unknown> = {}): Promise<string> {
  const embedData = '{"redirecturl":"https://merchant.example/result"}';
  const { text } = await post('/v2/create', {
    app_id: 2553,
    app_user: 'user123',
    app_trans_id: ID,
    app_time: 1704067200000,
    amount: 50000,
    description: 'Order 123456',
    item: '[]',
    embed_data: embedData,
    mac: hmac(KEY1, `2553|${ID}|user123|50000|1704067200000|${embedData}|[]`),
    ...extra,
  });
  const answer = z.object({ return_code: z.literal(1), order_url: z.string() });
  return answer.parse(JSON.parse(text)).order_url;
}

const codesOf = (text: string) => jsonObject.parse(JSON.parse(text));

describe('POST /v2/cancel', () => {
  it('cancels an unpaid order for good: query, the gateway page and every pay action refuse it', async () => {
    const orderUrl = await createOrder();
    const cancel = await post('/v2/cancel', CANCEL_1);
    expect(cancel).toEqual({ status: 200, text: CANCELLED });

    expect((await post('/v2/query', CANCEL_1)).text).toBe(
      `{"return_code":2,"return_message":"Giao dịch thất bại","sub_return_code":-54,"sub_return_message":"Giao dịch hết hạn","is_processing":false,"amount":0,"zp_trans_id":0,"server_time":${NOW},"discount_amount":0}`,
    );
    const truth = await admin.order(ID);
    expect(truth).toMatchObject({ status: 'cancelled', cancelled_at: NOW, zp_trans_id: null });

    const page = await fetch(orderUrl);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('không thể thanh toán nữa');
    const english = await fetch(`${orderUrl}&lang=en`);
    expect(await english.text()).toContain('it can no longer be paid');
    const order = new URL(orderUrl).searchParams.get('order') ?? '';
    const click = await fetch(`${emulator.url}/openinapp/pay-wallet`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ order }).toString(),
      redirect: 'manual',
    });
    expect(click.status).toBe(410);
    expect((await admin.tryPay(ID)).result).toBe('not_payable');
    expect((await admin.tryPay(ID, { channel: 36 })).result).toBe('not_payable');
    expect((await admin.cancel(ID)).result).toBe('not_payable');
    const scanned = await admin.payVietQr({ payload: z.string().parse(truth.qr_code) });
    expect(scanned).toMatchObject({ status: 409, body: { result: 'not_payable' } });
    expect((await admin.order(ID)).status).toBe('cancelled');
  });

  it('takes a form body, and a second cancel answers 1 again', async () => {
    await createOrder();
    const form = new URLSearchParams({
      app_id: '2553',
      app_trans_id: ID,
      mac: CANCEL_1.mac,
    }).toString();
    expect((await post('/v2/cancel', form, true)).text).toBe(CANCELLED);
    expect((await post('/v2/cancel', form, true)).text).toBe(CANCELLED);
    const latest = (await admin.requests(ID)).at(-1);
    expect(latest).toMatchObject({ endpoint: 'cancel', note: 'already cancelled' });
  });

  it('refuses a paid order with cancelPaidSubReturnCode, and the order stays paid', async () => {
    await createOrder();
    await admin.pay(ID);
    const { text } = await post('/v2/cancel', CANCEL_1);
    expect(text).toBe(
      '{"return_code":2,"return_message":"Giao dịch thất bại","sub_return_code":-10,"sub_return_message":"Giao dịch đã được thanh toán"}',
    );
    expect((await admin.order(ID)).status).toBe('paid');
    const entry = (await admin.requests(ID)).at(-1);
    expect(entry?.hints.join(' ')).toContain('ZaloPay cancels unpaid orders only');

    await admin.updateSettings({ cancelPaidSubReturnCode: -77 });
    expect(codesOf((await post('/v2/cancel', CANCEL_1)).text)).toMatchObject({
      return_code: 2,
      sub_return_code: -77,
    });
  });

  it('answers 2/-101 for an unknown order, also to another app naming this app_trans_id', async () => {
    expect(codesOf((await post('/v2/cancel', CANCEL_1)).text)).toMatchObject({
      return_code: 2,
      sub_return_code: -101,
      sub_return_message: 'Giao dịch không tồn tại',
    });
    await createOrder();
    const key1Of2554 = 'sdngKKJmqEMzvh5QQcdD2A9XBSKUNaYn';
    const otherApp = {
      app_id: 2554,
      app_trans_id: ID,
      mac: hmac(key1Of2554, `2554|${ID}|${key1Of2554}`),
    };
    expect(codesOf((await post('/v2/cancel', otherApp)).text).sub_return_code).toBe(-101);
    const forged = { ...CANCEL_1, mac: hmac(key1Of2554, `2553|${ID}|${key1Of2554}`) };
    expect(codesOf((await post('/v2/cancel', forged)).text).sub_return_code).toBe(-402);
    expect((await admin.order(ID)).status).toBe('pending');
  });

  it('cancels an expired order too: it was not paid, and query then says cancelled', async () => {
    await createOrder();
    await admin.advanceClock(16 * 60_000);
    expect((await post('/v2/cancel', CANCEL_1)).text).toBe(CANCELLED);
    await admin.updateSettings({ cancelledQuerySubReturnCode: -101 });
    expect(codesOf((await post('/v2/query', CANCEL_1)).text)).toMatchObject({
      return_code: 2,
      sub_return_code: -101,
    });
    expect((await admin.order(ID)).status).toBe('cancelled');
  });

  it('answers -402 to a wrong MAC, with the signed string and a hint in the inspector', async () => {
    await createOrder();
    const withoutKey = { ...CANCEL_1, mac: hmac(KEY1, `2553|${ID}`) };
    expect(codesOf((await post('/v2/cancel', withoutKey)).text).sub_return_code).toBe(-402);
    const entry = (await admin.requests(ID)).at(-1);
    expect(entry).toMatchObject({
      endpoint: 'cancel',
      app_id: 2553,
      mac: { formula: 'app_id|app_trans_id|key1', signed_string: `2553|${ID}|{key1}` },
    });
    expect(entry?.mac?.matches).toBe(false);
    expect(entry?.hints).toEqual([
      'The MAC is over app_id|app_trans_id only: this formula ends with key1 itself, sign app_id|app_trans_id|key1 (the key is both the HMAC key and the last field).',
    ]);
    expect((await admin.order(ID)).status).toBe('pending');
    expect(codesOf((await post('/v2/cancel', { app_id: 2553, mac: 'x' })).text)).toMatchObject({
      sub_return_code: -401,
    });
  });

  it('pay_first pays the order just before the cancel: the cancel is refused, the callback goes out', async () => {
    const merchant = await startMerchantReceiver();
    try {
      await createOrder({ callback_url: merchant.url });
      await admin.addFaults({ api: { fault: 'pay_first', endpoints: ['cancel'] } });
      expect(codesOf((await post('/v2/cancel', CANCEL_1)).text)).toMatchObject({
        return_code: 2,
        sub_return_code: -10,
      });
      expect(await admin.order(ID)).toMatchObject({ status: 'paid', zp_trans_id: 240101000000123 });
      expect(await merchant.waitFor(1)).toHaveLength(1);
      expect((await admin.faults()).api).toEqual([]);
    } finally {
      await merchant.close();
    }
  });

  it('counts as the `cancel` endpoint for 5xx faults', async () => {
    await createOrder();
    await admin.addFaults({ api: { fault: '5xx', endpoints: ['cancel'], status: 502 } });
    expect((await post('/v2/cancel', CANCEL_1)).status).toBe(502);
    expect((await admin.order(ID)).status).toBe('pending');
    expect((await post('/v2/cancel', CANCEL_1)).text).toBe(CANCELLED);
  });
});

describe('an unknown /v2 path', () => {
  it('answers 404 ZaloPay-style JSON and shows in the inspector with the path it probably meant', async () => {
    const typo = await post('/v2/cancle', CANCEL_1);
    expect(typo.status).toBe(404);
    expect(codesOf(typo.text)).toMatchObject({ return_code: 2, sub_return_code: -401 });
    const wrongMethod = await fetch(`${emulator.url}/v2/create`);
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.headers.get('content-type')).toContain('application/json');

    const [cancle, getCreate] = await admin.requests();
    expect(cancle).toMatchObject({
      endpoint: 'unknown',
      app_trans_id: null,
      raw: { method: 'POST', url: '/v2/cancle' },
      hints: ['There is no /v2/cancle: did you mean POST /v2/cancel?'],
    });
    expect(getCreate?.hints).toEqual(['/v2/create takes POST only (got GET).']);
  });
});
