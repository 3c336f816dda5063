// POST /v2/create against a real emulator, with requests built by hand (node:crypto, no project helper)
// in the three styles merchants use: JSON, form and query string; §12.4 vectors and exact response bytes.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { crc16CcittFalse } from '../gateway/vietqr-payload';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const KEY1_2554 = 'sdngKKJmqEMzvh5QQcdD2A9XBSKUNaYn';
/** 2024-01-01 07:01 in Vietnam: one minute after create-1's app_time. */
const NOW = 1704067260000;

const jsonObject = z.record(z.string(), z.unknown());
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

/** create-1 of docs/zalopay-protocol.md §12.4. */
const CREATE_1 = {
  app_id: 2553,
  app_user: 'user123',
  app_trans_id: '240101_123456',
  app_time: 1704067200000,
  amount: 50000,
  description: 'Thanh toán đơn hàng 240101_123456',
  item: '[]',
  embed_data: '{"redirecturl":"https://merchant.example/result"}',
  bank_code: 'zalopayapp',
  mac: '84f19aa3fc9b2f0a3f7613040148234f93370ce5e636306843f77bdbf72ceffe',
};

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ now: () => NOW });
});
afterEach(async () => {
  await emulator.close();
});

async function postJson(
  path: string,
  body: unknown,
): Promise<{ status: number; text: string; json: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: jsonObject.parse(JSON.parse(text)) };
}

async function adminOrder(appTransId: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/admin/orders/${appTransId}`);
  return jsonObject.parse(await response.json());
}

function decodeOrderUrl(url: string, base: string, path: string): string {
  const prefix = `${base}${path}?order=`;
  expect(url.startsWith(prefix)).toBe(true);
  const param = url.slice(prefix.length);
  expect(param).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  return Buffer.from(param, 'base64').toString('utf8');
}

describe('POST /v2/create', () => {
  it('accepts the create-1 vector as JSON and answers in the real field order', async () => {
    const input =
      '2553|240101_123456|user123|50000|1704067200000|{"redirecturl":"https://merchant.example/result"}|[]';
    expect(hmac(KEY1_2553, input)).toBe(CREATE_1.mac);

    const { status, text, json } = await postJson('/v2/create', CREATE_1);

    expect(status).toBe(200);
    expect(text).toBe(JSON.stringify(json));
    expect(Object.keys(json)).toEqual([
      'return_code',
      'return_message',
      'sub_return_code',
      'sub_return_message',
      'zp_trans_token',
      'order_url',
      'cashier_order_url',
      'order_token',
      'qr_code',
    ]);
    expect(json).toMatchObject({
      return_code: 1,
      return_message: 'Giao dịch thành công',
      sub_return_code: 1,
      sub_return_message: 'Giao dịch thành công',
    });
    const token = String(json.zp_trans_token);
    expect(token).toMatch(/^AC[A-Za-z0-9_-]{22}$/);
    expect(json.order_token).toBe(token);
    const expectedOrderJson = `{"zptranstoken":"${token}","appid":2553}`;
    expect(decodeOrderUrl(String(json.order_url), emulator.url, '/openinapp')).toBe(
      expectedOrderJson,
    );
    expect(decodeOrderUrl(String(json.cashier_order_url), emulator.url, '/pay-order')).toBe(
      expectedOrderJson,
    );

    const qr = String(json.qr_code);
    expect(qr).toMatch(/^000201010212265\d0010vn\.zalopay/);
    expect(qr).toContain('5303704');
    expect(qr).toContain('540550000');
    expect(qr).toContain('5802VN6304');
    expect(qr.slice(-4)).toBe(crc16CcittFalse(qr.slice(0, -4)));
  });

  it('accepts the create-2 vector (app 2554, UTF-8) as a form, without qr_code', async () => {
    await fetch(`${emulator.url}/admin/clock`, {
      method: 'POST',
      body: JSON.stringify({ offset_ms: 1704043830000 - NOW }),
    });
    const item = '[{"itemid":"sku1","itemname":"Áo thun","itemprice":125000,"itemquantity":1}]';
    const input = `2554|240101_ORDER0001|Nguyễn Văn A|125000|1704043800000|{}|${item}`;
    const mac = hmac(KEY1_2554, input);
    expect(mac).toBe('839ff15b3e484ed1c9274550d08637889e507c2943cd62c9df03ede8dbaf2656');
    const form = new URLSearchParams({
      app_id: '2554',
      app_user: 'Nguyễn Văn A',
      app_trans_id: '240101_ORDER0001',
      app_time: '1704043800000',
      amount: '125000',
      description: 'Áo thun',
      item,
      embed_data: '{}',
      bank_code: 'zalopayapp',
      mac,
    });

    const response = await fetch(`${emulator.url}/v2/create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const json = jsonObject.parse(await response.json());

    expect(json.return_code).toBe(1);
    expect(Object.keys(json)).not.toContain('qr_code');
    const token = String(json.zp_trans_token);
    expect(decodeOrderUrl(String(json.order_url), emulator.url, '/openinapp')).toBe(
      `{"zptranstoken":"${token}","appid":2554}`,
    );
  });

  it('accepts the create-3 vector with every field in the query string and an empty body', async () => {
    const embedData =
      '{"preferred_payment_method":["vietqr"],"redirecturl":"https://merchant.example/zlp/return"}';
    const params = new URLSearchParams({
      app_id: '2553',
      app_trans_id: '240101_vq001',
      app_user: 'demo',
      app_time: '1704067200000',
      amount: '10000',
      description: 'VietQR demo',
      item: '[]',
      embed_data: embedData,
      bank_code: '',
      mac: '55749dbaf72c176fb0bd0a1da26f6aa99fdc64e22ef244908b693aef8f91c736',
    });
    const response = await fetch(`${emulator.url}/v2/create?${params.toString()}`, {
      method: 'POST',
    });
    const json = jsonObject.parse(await response.json());
    expect(json.return_code).toBe(1);
  });

  it('lets the body win over the query string', async () => {
    const query = new URLSearchParams({ amount: '1' });
    const response = await fetch(`${emulator.url}/v2/create?${query.toString()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(CREATE_1),
    });
    expect(jsonObject.parse(await response.json()).return_code).toBe(1);
    const order = await adminOrder('240101_123456');
    expect(order.amount).toBe(50000);
  });

  it('re-serialises embed_data and item sent as JSON object and array before checking the MAC', async () => {
    const embedData = { redirecturl: 'https://merchant.example/result' };
    const item = [{ itemid: 'a', itemprice: 50000 }];
    const input = `2553|240101_obj1|user123|50000|1704067200000|${JSON.stringify(embedData)}|${JSON.stringify(item)}`;
    const { json } = await postJson('/v2/create', {
      ...CREATE_1,
      app_trans_id: '240101_obj1',
      embed_data: embedData,
      item,
      mac: hmac(KEY1_2553, input),
    });
    expect(json.return_code).toBe(1);
  });

  it('answers -402 to a wrong MAC, a MAC made with key2, an uppercase MAC and an unknown app', async () => {
    const failures = [
      { ...CREATE_1, mac: '0'.repeat(64) },
      {
        ...CREATE_1,
        mac: hmac(
          'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
          '2553|240101_123456|user123|50000|1704067200000|{"redirecturl":"https://merchant.example/result"}|[]',
        ),
      },
      { ...CREATE_1, mac: CREATE_1.mac.toUpperCase() },
      { ...CREATE_1, app_id: 9999 },
      { ...CREATE_1, amount: 50001 },
    ];
    for (const body of failures) {
      const { status, text } = await postJson('/v2/create', body);
      expect(status).toBe(200);
      expect(text).toBe(
        '{"return_code":2,"return_message":"Giao dịch thất bại","sub_return_code":-402,"sub_return_message":"Chữ ký không hợp lệ"}',
      );
    }
  });

  it('accepts an uppercase MAC when macCaseInsensitive is on', async () => {
    await fetch(`${emulator.url}/admin/settings`, {
      method: 'PUT',
      body: JSON.stringify({ macCaseInsensitive: true }),
    });
    const { json } = await postJson('/v2/create', { ...CREATE_1, mac: CREATE_1.mac.toUpperCase() });
    expect(json.return_code).toBe(1);
  });

  it('answers -401 when a required field is missing or malformed', async () => {
    const required = [
      'app_id',
      'app_user',
      'app_trans_id',
      'app_time',
      'amount',
      'description',
      'item',
      'embed_data',
      'mac',
    ] as const;
    const bodies: Record<string, unknown>[] = required.map((field) => {
      const body: Record<string, unknown> = { ...CREATE_1 };
      delete body[field];
      return body;
    });
    bodies.push(
      { ...CREATE_1, item: '{}' },
      { ...CREATE_1, item: 'not json' },
      { ...CREATE_1, embed_data: '[]' },
      { ...CREATE_1, app_user: 'x'.repeat(51) },
      { ...CREATE_1, app_user: '   ' },
      { ...CREATE_1, app_trans_id: `240101_${'x'.repeat(250)}` },
      { ...CREATE_1, description: 'x'.repeat(257) },
      { ...CREATE_1, amount: 'fifty' },
      { ...CREATE_1, amount: 0 },
      { ...CREATE_1, expire_duration_seconds: 299 },
      { ...CREATE_1, expire_duration_seconds: 2592001 },
      { ...CREATE_1, callback_url: 'not a url' },
    );
    for (const body of bodies) {
      const { status, json } = await postJson('/v2/create', body);
      expect(status).toBe(200);
      expect(json).toEqual({
        return_code: 2,
        return_message: 'Giao dịch thất bại',
        sub_return_code: -401,
        sub_return_message: 'Dữ liệu yêu cầu không hợp lệ',
      });
    }
  });

  it('answers -401 with HTTP 200 to bodies that cannot be parsed', async () => {
    for (const body of ['{not json', '[1,2]', 'null']) {
      const { status, json } = await postJson('/v2/create', body);
      expect(status).toBe(200);
      expect(json.sub_return_code).toBe(-401);
    }
  });

  it('answers -68 to a second order with the same app_trans_id', async () => {
    expect((await postJson('/v2/create', CREATE_1)).json.return_code).toBe(1);
    const { json } = await postJson('/v2/create', CREATE_1);
    expect(json).toMatchObject({ return_code: 2, sub_return_code: -68 });
  });

  it("accepts today's date in any time zone as the prefix by default, only Vietnam's with datePrefixCheck 'vietnam'", async () => {
    // NOW is 2024-01-01 00:01 UTC: 231231 is still today at UTC-12 (and in a UTC-5 shop's local time).
    const signed = (id: string) => ({
      ...CREATE_1,
      app_trans_id: id,
      mac: hmac(
        KEY1_2553,
        `2553|${id}|user123|50000|1704067200000|{"redirecturl":"https://merchant.example/result"}|[]`,
      ),
    });
    expect((await postJson('/v2/create', signed('231231_123456'))).json.return_code).toBe(1);
    expect((await postJson('/v2/create', signed('231230_123456'))).json.sub_return_code).toBe(-401);
    await fetch(`${emulator.url}/admin/settings`, {
      method: 'PUT',
      body: JSON.stringify({ datePrefixCheck: 'vietnam' }),
    });
    expect((await postJson('/v2/create', signed('231231_123457'))).json.sub_return_code).toBe(-401);
    await fetch(`${emulator.url}/admin/settings`, {
      method: 'PUT',
      body: JSON.stringify({ datePrefixCheck: 'off' }),
    });
    expect((await postJson('/v2/create', signed('231230_123457'))).json.return_code).toBe(1);
  });

  it("takes an app_time 16 minutes old at create by default, refuses it with appTimeCheck 'at_create'", async () => {
    await fetch(`${emulator.url}/admin/clock`, {
      method: 'POST',
      body: JSON.stringify({ advance_ms: 16 * 60_000 }),
    });
    expect((await postJson('/v2/create', CREATE_1)).json.return_code).toBe(1);
    await fetch(`${emulator.url}/admin/settings`, {
      method: 'PUT',
      body: JSON.stringify({ appTimeCheck: 'at_create' }),
    });
    const input = `2553|240101_654321|user123|50000|1704067200000|{"redirecturl":"https://merchant.example/result"}|[]`;
    const second = { ...CREATE_1, app_trans_id: '240101_654321', mac: hmac(KEY1_2553, input) };
    expect((await postJson('/v2/create', second)).json.sub_return_code).toBe(-401);
  });

  it('sets expiry from app_time and expire_duration_seconds', async () => {
    await postJson('/v2/create', { ...CREATE_1, expire_duration_seconds: 300 });
    const order = await adminOrder('240101_123456');
    expect(order.expires_at).toBe(CREATE_1.app_time + 300_000);
    expect(order.status).toBe('pending');
  });
});
