// Callback verification against the real callbacks of docs/zalopay-protocol.md §12.2, the emulator-format vector
// of §12.4, and every way a callback can be wrong.
import { describe, expect, it } from 'vitest';
import {
  verifyCallback,
  type CallbackRejectionReason,
  type CallbackVerification,
} from './callback';
import { hmacHex } from './mac';
import { signCallbackBody } from './test-signing';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const KEY2_2553 = 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz';

/** The official docs sample (§5.3), byte for byte as ZaloPay posts it. */
const DOCS_SAMPLE_BODY = String.raw`{"data":"{\"app_id\":2553,\"app_trans_id\":\"200904_2553_1598435687208\",\"app_time\":1599189392817,\"app_user\":\"demo\",\"amount\":10000,\"embed_data\":\"{\\\"merchantinfo\\\":\\\"embeddata123\\\",\\\"promotioninfo\\\":\\\"\\\"}\",\"item\":\"[{\\\"itemid\\\":\\\"knb\\\",\\\"itemname\\\":\\\"kim nguyen bao\\\",\\\"itemprice\\\":198400,\\\"itemquantity\\\":1}]\",\"zp_trans_id\":200904000000389,\"server_time\":1599189413498,\"channel\":38,\"merchant_user_id\":\"7ZMSl3nEg5sOUJzOLSoUFT8xKNQVaLOLXHB--8Eytqc\",\"user_fee_amount\":0,\"discount_amount\":0}","mac":"d8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f67","type":1}`;

/** The real 2026 sandbox callback's data string, with raw UTF-8 "tháng". */
const THANG_DATA = String.raw`{"app_id":2553,"app_trans_id":"260418_7F5271","app_time":1776479895300,"app_user":"54b49784-e5ab-4ad4-bcce-5a915d09d67c","amount":100000,"embed_data":"{\"redirecturl\":\"https://dev-code-payment-service.20206205.tech/api/subscriptions/payment-return\"}","item":"[{\"item_name\":\"Thanh toan dang ky: VIP 1 tháng #260418_7F5271\",\"item_price\":100000,\"item_quantity\":1}]","zp_trans_id":260418000000225,"server_time":1776479960423,"channel":38,"merchant_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA","zp_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA","user_fee_amount":0,"discount_amount":0}`;
const THANG_MAC = 'b89195ab41a0683b0aaae3f132a7361d72926ca38330ac715611720acd957b79';

/** callback-synth (§12.4): the data string, its MAC, and the full body the emulator must POST. */
const SYNTH_DATA = String.raw`{"app_id":2553,"app_trans_id":"240101_123456","app_time":1704067200000,"app_user":"user123","amount":50000,"embed_data":"{\"redirecturl\":\"https://merchant.example/result\"}","item":"[]","zp_trans_id":240101000000123,"server_time":1704067260000,"channel":38,"merchant_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA","zp_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA","user_fee_amount":0,"discount_amount":0}`;
const SYNTH_MAC = '2fc2900b469019596d925e0926c8bd91d021e8149b6bc43ff8fd5961f754e7cf';
const SYNTH_BODY = String.raw`{"data":"{\"app_id\":2553,\"app_trans_id\":\"240101_123456\",\"app_time\":1704067200000,\"app_user\":\"user123\",\"amount\":50000,\"embed_data\":\"{\\\"redirecturl\\\":\\\"https://merchant.example/result\\\"}\",\"item\":\"[]\",\"zp_trans_id\":240101000000123,\"server_time\":1704067260000,\"channel\":38,\"merchant_user_id\":\"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA\",\"zp_user_id\":\"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA\",\"user_fee_amount\":0,\"discount_amount\":0}","mac":"2fc2900b469019596d925e0926c8bd91d021e8149b6bc43ff8fd5961f754e7cf","type":1}`;

function expectRejected(result: CallbackVerification, reason: CallbackRejectionReason): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.reason).toBe(reason);
    expect(result.error).toBeInstanceOf(Error);
  }
}

describe('verifyCallback on real ZaloPay callbacks', () => {
  it('accepts the official docs sample and translates it (no zp_user_id in 2020)', () => {
    const result = verifyCallback(DOCS_SAMPLE_BODY, KEY2_2553);
    expect(result).toMatchObject({ ok: true, type: 1 });
    if (!result.ok) return;
    expect(result.data).toEqual({
      appId: 2553,
      appTransId: '200904_2553_1598435687208',
      appTime: 1599189392817,
      appUser: 'demo',
      amount: 10000,
      embedData: '{"merchantinfo":"embeddata123","promotioninfo":""}',
      item: '[{"itemid":"knb","itemname":"kim nguyen bao","itemprice":198400,"itemquantity":1}]',
      zpTransId: '200904000000389',
      serverTime: 1599189413498,
      channel: 38,
      merchantUserId: '7ZMSl3nEg5sOUJzOLSoUFT8xKNQVaLOLXHB--8Eytqc',
      zpUserId: null,
      userFeeAmount: 0,
      discountAmount: 0,
    });
  });

  it('accepts the 2026 callback with raw UTF-8, as a string and as the raw bytes', () => {
    const body = JSON.stringify({ data: THANG_DATA, mac: THANG_MAC, type: 1 });
    for (const raw of [body, Buffer.from(body, 'utf8')]) {
      const result = verifyCallback(raw, KEY2_2553);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.rawData).toBe(THANG_DATA);
      expect(result.data.zpTransId).toBe('260418000000225');
      expect(result.data.zpUserId).toBe('Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA');
      expect(result.data.item).toContain('VIP 1 tháng');
    }
  });

  it('rejects the \\u00e1-escaped variants of the same data: ZaloPay signs raw UTF-8', () => {
    // §12.2's variant: the item JSON escapes "á" as \u00e1, which inside data reads \\u00e1.
    const itemEscaped = THANG_DATA.replace('á', String.raw`\\u00e1`);
    expect(hmacHex(KEY2_2553, itemEscaped).startsWith('d12aac30')).toBe(true);
    // The same escape one level up, in data itself.
    const dataEscaped = THANG_DATA.replace('á', String.raw`\u00e1`);
    for (const data of [itemEscaped, dataEscaped]) {
      expect(data).not.toBe(THANG_DATA);
      const body = JSON.stringify({ data, mac: THANG_MAC, type: 1 });
      expectRejected(verifyCallback(body, KEY2_2553), 'mac_mismatch');
    }
  });
});

describe('signCallbackBody (callback-synth)', () => {
  it('produces the exact body of §12.4 from the data object', () => {
    const data = {
      app_id: 2553,
      app_trans_id: '240101_123456',
      app_time: 1704067200000,
      app_user: 'user123',
      amount: 50000,
      embed_data: '{"redirecturl":"https://merchant.example/result"}',
      item: '[]',
      zp_trans_id: 240101000000123,
      server_time: 1704067260000,
      channel: 38,
      merchant_user_id: 'Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA',
      zp_user_id: 'Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA',
      user_fee_amount: 0,
      discount_amount: 0,
    };
    expect(JSON.stringify(data)).toBe(SYNTH_DATA);
    expect(signCallbackBody(data, KEY2_2553)).toBe(SYNTH_BODY);
    expect(signCallbackBody(SYNTH_DATA, KEY2_2553, 1)).toBe(SYNTH_BODY);
    expect(hmacHex(KEY2_2553, SYNTH_DATA)).toBe(SYNTH_MAC);
  });

  it('is accepted by verifyCallback', () => {
    const result = verifyCallback(SYNTH_BODY, KEY2_2553);
    expect(result.ok && result.data).toMatchObject({
      appTransId: '240101_123456',
      amount: 50000,
      zpTransId: '240101000000123',
    });
  });

  it('passes type 2 (agreement) through for the caller to decide', () => {
    const result = verifyCallback(signCallbackBody(SYNTH_DATA, KEY2_2553, 2), KEY2_2553);
    expect(result.ok && result.type).toBe(2);
  });
});

describe('verifyCallback rejections', () => {
  it('a MAC made with key1 instead of key2', () => {
    expectRejected(
      verifyCallback(signCallbackBody(SYNTH_DATA, KEY1_2553), KEY2_2553),
      'mac_mismatch',
    );
  });

  it('one tampered byte in data (amount 50000 -> 50001)', () => {
    const tampered = SYNTH_BODY.replace('\\"amount\\":50000', '\\"amount\\":50001');
    expect(tampered).not.toBe(SYNTH_BODY);
    expectRejected(verifyCallback(tampered, KEY2_2553), 'mac_mismatch');
  });

  it('a re-serialised data string (spaces added) no longer verifies', () => {
    const pretty = JSON.stringify(JSON.parse(SYNTH_DATA), null, 1);
    const body = JSON.stringify({ data: pretty, mac: SYNTH_MAC, type: 1 });
    expectRejected(verifyCallback(body, KEY2_2553), 'mac_mismatch');
  });

  it.each([
    ['uppercase hex', SYNTH_MAC.toUpperCase()],
    ['too short', SYNTH_MAC.slice(0, 63)],
    ['too long', `${SYNTH_MAC}00`],
    ['not hex', `${SYNTH_MAC.slice(0, 63)}g`],
    ['empty', ''],
  ])('a mac that is %s', (_label, mac) => {
    const body = JSON.stringify({ data: SYNTH_DATA, mac, type: 1 });
    expectRejected(verifyCallback(body, KEY2_2553), 'malformed_mac');
  });

  it.each([
    ['not JSON', 'data=abc&mac=def'],
    ['empty', ''],
    ['a JSON array', '[]'],
    [
      'data not a string',
      JSON.stringify({ data: JSON.parse(SYNTH_DATA), mac: SYNTH_MAC, type: 1 }),
    ],
    ['mac missing', JSON.stringify({ data: SYNTH_DATA, type: 1 })],
    ['mac a number', JSON.stringify({ data: SYNTH_DATA, mac: 1, type: 1 })],
    ['type missing', JSON.stringify({ data: SYNTH_DATA, mac: SYNTH_MAC })],
    ['type a string', JSON.stringify({ data: SYNTH_DATA, mac: SYNTH_MAC, type: '1' })],
  ])('a body that is %s', (_label, body) => {
    expectRejected(verifyCallback(body, KEY2_2553), 'malformed_body');
  });

  it('bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(SYNTH_BODY.slice(0, 20)), Buffer.from([0xff, 0xfe])]);
    expectRejected(verifyCallback(bytes, KEY2_2553), 'malformed_body');
  });

  it('correctly signed data that is not JSON', () => {
    expectRejected(
      verifyCallback(signCallbackBody('not json', KEY2_2553), KEY2_2553),
      'malformed_data',
    );
  });

  it.each([
    ['amount as a string', { amount: '50000' }],
    ['app_trans_id missing', { app_trans_id: undefined }],
    ['zp_trans_id beyond 2^53', { zp_trans_id: 2 ** 53 + 2 }],
    ['zp_trans_id fractional', { zp_trans_id: 1.5 }],
  ])('correctly signed data with %s', (_label, change) => {
    const data = { ...JSON.parse(SYNTH_DATA), ...change };
    expectRejected(verifyCallback(signCallbackBody(data, KEY2_2553), KEY2_2553), 'invalid_data');
  });

  it('a parsed object instead of the raw body', () => {
    const parsed: unknown = JSON.parse(SYNTH_BODY);
    // @ts-expect-error: what a route behind express.json() would do by mistake
    expectRejected(verifyCallback(parsed, KEY2_2553), 'body_not_raw');
  });

  it('an empty key2', () => {
    expectRejected(verifyCallback(SYNTH_BODY, ''), 'missing_key');
  });

  it('a body far larger than any callback', () => {
    const huge = JSON.stringify({ data: 'x'.repeat(70_000), mac: SYNTH_MAC, type: 1 });
    expectRejected(verifyCallback(huge, KEY2_2553), 'body_too_large');
  });
});
