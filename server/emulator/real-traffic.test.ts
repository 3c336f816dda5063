// Issue 16, item 3: small wire details, each held to a real sample or to the client that relies on it.
// - A real 2023 sandbox callback of a card payment (app 2553, channel 36), pasted as a comment in the
//   React Native app of the nyp19vp project (GitHub owner nightowls19vp; found by searching public
//   code for "channel":36,"merchant_user_id":""): `&` written \u0026 in `data`, merchant_user_id and
//   zp_user_id "" (anonymousCardPayer). Reproduced here byte for byte.
// - A real 2025 sandbox card callback (app 2553, channel 36, its key2 MAC 33af7d21… verified) in the
//   unit tests of a public C# booking API (B2P_API, VerifyCallbackTest): a 22-character
//   merchant_user_id and zp_user_id, the default now. Reproduced byte for byte.
// - The recorded 2554 create answer has no cashier_order_url (docs/zalopay-protocol.md §3.6, public code).
// - ZaloPay's Node SDK (zalopay-oss/zalopay-nodejs, specs/zlp.yaml) documents a top-level redirect_url.
// - ZaloPay's C# demo (zpmep/demo-csharp, CallbackController.cs) answers {"returncode":1,...}.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from './emulator';
import type { EmulatorSettingsUpdate, RunningEmulator } from './emulator';
import { startMerchantReceiver } from '../testing/merchant-receiver';
import type { MerchantReceiver } from '../testing/merchant-receiver';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const KEY2_2553 = 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz';
const KEY1_2554 = 'sdngKKJmqEMzvh5QQcdD2A9XBSKUNaYn';
const jsonObject = z.record(z.string(), z.unknown());
const callbackEnvelope = z.object({ data: z.string(), mac: z.string(), type: z.literal(1) });
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

/** The real 2025 card callback's `data` and its MAC (server_time 1755703587395, zp_trans_id 250820000024753). */
const REAL_2025_CARD_CALLBACK_DATA =
  '{"app_id":2553,"app_trans_id":"250820_145187","app_time":1755703540632,"app_user":"string","amount":5000000,"embed_data":"{\\"additionalProp1\\":\\"string\\",\\"additionalProp2\\":\\"string\\",\\"additionalProp3\\":\\"string\\"}","item":"[{\\"Name\\":\\"string\\",\\"Quantity\\":0,\\"Price\\":0,\\"Description\\":\\"string\\"}]","zp_trans_id":250820000024753,"server_time":1755703587395,"channel":36,"merchant_user_id":"DXp3vtfyygtb2_XdP8yFeA","zp_user_id":"DXp3vtfyygtb2_XdP8yFeA","user_fee_amount":0,"discount_amount":0}';
const REAL_2025_CARD_CALLBACK_MAC =
  '33af7d21885ae5d8836c75a129b324974cf7ab94ffe5731f6467b55d0d00eabc';

/** The real callback's `data`, as logged (server_time 1687427252734, zp_trans_id 230622000003245). */
const REAL_CARD_CALLBACK_DATA =
  '{"app_id":2553,"app_trans_id":"230622_164636725","app_time":1687427196852,"app_user":"64940af1536c05ee69e5361a","amount":150000,"embed_data":"{\\"redirecturl\\":\\"https://www.youtube.com/watch?v=q8AzTS4Yq3I\\u0026ab_channel=Quy%C3%AAnLouis\\"}","item":"[{\\"id\\":\\"6494016fc50761022fe09041\\",\\"name\\":\\"Experience Package\\",\\"price\\":150000,\\"quantity\\":1,\\"duration\\":1,\\"noOfMember\\":6}]","zp_trans_id":230622000003245,"server_time":1687427252734,"channel":36,"merchant_user_id":"","zp_user_id":"","user_fee_amount":0,"discount_amount":0}';

let emulator: RunningEmulator | undefined;
let merchant: MerchantReceiver | undefined;
afterEach(async () => {
  await emulator?.close();
  await merchant?.close();
  emulator = undefined;
  merchant = undefined;
});

interface CreateInput {
  appId?: 2553 | 2554;
  appTransId: string;
  appUser?: string;
  appTime: number;
  amount?: number;
  embedData?: string;
  item?: string;
  extra?: Record<string, unknown>;
}

async function create(url: string, input: CreateInput) {
  const appId = input.appId ?? 2553;
  const appUser = input.appUser ?? 'user123';
  const amount = input.amount ?? 50000;
  const embedData = input.embedData ?? '{}';
  const item = input.item ?? '[]';
  const key1 = appId === 2553 ? KEY1_2553 : KEY1_2554;
  const body = {
    app_id: appId,
    app_user: appUser,
    app_trans_id: input.appTransId,
    app_time: input.appTime,
    amount,
    description: 'Real traffic test',
    item,
    embed_data: embedData,
    mac: hmac(
      key1,
      `${appId}|${input.appTransId}|${appUser}|${amount}|${input.appTime}|${embedData}|${item}`,
    ),
    ...input.extra,
  };
  const response = await fetch(`${url}/v2/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { text: await response.text() };
}

async function pay(url: string, appTransId: string, body: Record<string, unknown>) {
  const response = await fetch(`${url}/admin/orders/${appTransId}/pay`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return jsonObject.parse(await response.json());
}

describe('the callback of a card payment', () => {
  it('is the real 2025 card callback byte for byte by default: the 22-character payer id', async () => {
    emulator = await startEmulator({ now: () => 1755703587395, zpTransIdSequenceStart: 24753 });
    merchant = await startMerchantReceiver();
    await create(emulator.url, {
      appTransId: '250820_145187',
      appUser: 'string',
      appTime: 1755703540632,
      amount: 5000000,
      embedData:
        '{"additionalProp1":"string","additionalProp2":"string","additionalProp3":"string"}',
      item: '[{"Name":"string","Quantity":0,"Price":0,"Description":"string"}]',
      extra: { callback_url: merchant.url },
    });
    await pay(emulator.url, '250820_145187', { channel: 36 });
    const [callback] = await merchant.waitFor(1);
    const envelope = callbackEnvelope.parse(JSON.parse(callback?.text ?? '{}'));
    expect(envelope.data).toBe(REAL_2025_CARD_CALLBACK_DATA);
    expect(envelope.mac).toBe(REAL_2025_CARD_CALLBACK_MAC);
  });

  it('is the real 2023 card callback byte for byte with anonymousCardPayer: \\u0026 in data, empty payer ids', async () => {
    const serverTime = 1687427252734;
    emulator = await startEmulator({
      now: () => serverTime,
      zpTransIdSequenceStart: 3245,
      settings: { anonymousCardPayer: true },
    });
    merchant = await startMerchantReceiver();
    await create(emulator.url, {
      appTransId: '230622_164636725',
      appUser: '64940af1536c05ee69e5361a',
      appTime: 1687427196852,
      amount: 150000,
      embedData:
        '{"redirecturl":"https://www.youtube.com/watch?v=q8AzTS4Yq3I&ab_channel=Quy%C3%AAnLouis"}',
      item: '[{"id":"6494016fc50761022fe09041","name":"Experience Package","price":150000,"quantity":1,"duration":1,"noOfMember":6}]',
      extra: { callback_url: merchant.url },
    });
    await pay(emulator.url, '230622_164636725', { channel: 36 });
    const [callback] = await merchant.waitFor(1);
    const envelope = callbackEnvelope.parse(JSON.parse(callback?.text ?? '{}'));
    expect(envelope.data).toBe(REAL_CARD_CALLBACK_DATA);
    expect(envelope.mac).toBe(hmac(KEY2_2553, REAL_CARD_CALLBACK_DATA));
    // A merchant that parses data gets the URL back with its `&`.
    const data = z.object({ embed_data: z.string() }).parse(JSON.parse(envelope.data));
    expect(data.embed_data).toContain('q8AzTS4Yq3I&ab_channel');
  });

  it('writes < > & raw with callbackEscapeHtml off, and the card payer id of cardPayerMerchantUserId', async () => {
    emulator = await startEmulator({
      now: () => 1704067260000,
      settings: { callbackEscapeHtml: false, cardPayerMerchantUserId: 'cardPayer22chars_abcde' },
    });
    merchant = await startMerchantReceiver();
    await create(emulator.url, {
      appTransId: '240101_raw',
      appTime: 1704067200000,
      embedData: '{"note":"<b> & </b>"}',
      extra: { callback_url: merchant.url },
    });
    await pay(emulator.url, '240101_raw', { channel: 36 });
    const [callback] = await merchant.waitFor(1);
    const { data } = callbackEnvelope.parse(JSON.parse(callback?.text ?? '{}'));
    expect(data).toContain('<b> & </b>');
    expect(data).toContain('"merchant_user_id":"cardPayer22chars_abcde"');
  });

  it('keeps the payer id of a wallet payment (the real 2026 wallet callback has one)', async () => {
    emulator = await startEmulator({ now: () => 1704067260000 });
    merchant = await startMerchantReceiver();
    await create(emulator.url, {
      appTransId: '240101_wallet',
      appTime: 1704067200000,
      extra: { callback_url: merchant.url },
    });
    await pay(emulator.url, '240101_wallet', { channel: 38 });
    const [callback] = await merchant.waitFor(1);
    const { data } = callbackEnvelope.parse(JSON.parse(callback?.text ?? '{}'));
    expect(data).toContain(
      '"merchant_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA","zp_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA"',
    );
  });
});

describe('the create answer', () => {
  it('has the fields of the recorded answers: 2554 without cashier_order_url and qr_code, 2553 with both', async () => {
    emulator = await startEmulator({ now: () => 1704067260000 });
    const fieldsOf = (text: string) => Object.keys(jsonObject.parse(JSON.parse(text)));
    const answer2554 = await create(emulator.url, {
      appId: 2554,
      appTransId: '240101_a',
      appTime: 1704067200000,
    });
    expect(fieldsOf(answer2554.text)).toEqual([
      'return_code',
      'return_message',
      'sub_return_code',
      'sub_return_message',
      'zp_trans_token',
      'order_url',
      'order_token',
    ]);
    const answer2553 = await create(emulator.url, {
      appTransId: '240101_b',
      appTime: 1704067200000,
    });
    expect(fieldsOf(answer2553.text)).toEqual([
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
  });
});

describe('a declined card', () => {
  it('redirects with pmcid 38 and an empty bankcode, like the one real -59 redirect; the card itself when set to null', async () => {
    emulator = await startEmulator({ now: () => 1704067260000 });
    const embedData = '{"redirecturl":"https://shop.example/r"}';
    await create(emulator.url, { appTransId: '240101_dec', appTime: 1704067200000, embedData });
    const declined = await pay(emulator.url, '240101_dec', { card_number: '9704540000000047' });
    const params = new URL(z.string().parse(declined.redirect_url)).searchParams;
    expect([params.get('pmcid'), params.get('bankcode'), params.get('status')]).toEqual([
      '38',
      '',
      '-59',
    ]);
    const update: EmulatorSettingsUpdate = {
      cardFailureRedirectPmcid: null,
      cardFailureRedirectBankCode: null,
    };
    await fetch(`${emulator.url}/admin/settings`, { method: 'PUT', body: JSON.stringify(update) });
    const again = await pay(emulator.url, '240101_dec', { card_number: '9704540000000047' });
    const card = new URL(z.string().parse(again.redirect_url)).searchParams;
    expect([card.get('pmcid'), card.get('bankcode')]).toEqual(['39', 'SBI']);
  });
});

describe("the SDK's top-level redirect_url", () => {
  const sdkOrder = (appTransId: string) => ({
    appTransId,
    appTime: 1704067200000,
    embedData: '{}',
    extra: { redirect_url: 'https://shop.example/sdk-return', callback_url: '' },
  });

  it('is where the shopper goes when embed_data has no redirecturl', async () => {
    emulator = await startEmulator({ now: () => 1704067260000 });
    await create(emulator.url, sdkOrder('240101_sdk'));
    const paid = await pay(emulator.url, '240101_sdk', { channel: 38 });
    expect(z.string().parse(paid.redirect_url)).toMatch(/^https:\/\/shop\.example\/sdk-return\?/);
  });

  it('loses to embed_data.redirecturl, and is ignored with honourTopLevelRedirectUrl off', async () => {
    emulator = await startEmulator({ now: () => 1704067260000 });
    await create(emulator.url, {
      ...sdkOrder('240101_both'),
      embedData: '{"redirecturl":"https://shop.example/embed"}',
    });
    const both = await pay(emulator.url, '240101_both', { channel: 38 });
    expect(z.string().parse(both.redirect_url)).toMatch(/^https:\/\/shop\.example\/embed\?/);

    await fetch(`${emulator.url}/admin/settings`, {
      method: 'PUT',
      body: '{"honourTopLevelRedirectUrl":false}',
    });
    await create(emulator.url, sdkOrder('240101_off'));
    const off = await pay(emulator.url, '240101_off', { channel: 38 });
    expect(off.redirect_url).toBeNull();
  });
});

describe('a merchant answering the legacy {"returncode":1}', () => {
  const legacyReply = { status: 200, body: '{"returncode":1,"returnmessage":"success"}' };

  async function deliver(settings: EmulatorSettingsUpdate) {
    emulator = await startEmulator({
      now: () => 1704067260000,
      settings: { callbackRetryIntervalMs: 10, ...settings },
    });
    merchant = await startMerchantReceiver(() => legacyReply);
    await create(emulator.url, {
      appTransId: '240101_legacy',
      appTime: 1704067200000,
      extra: { callback_url: merchant.url },
    });
    await pay(emulator.url, '240101_legacy', { channel: 38 });
    await fetch(`${emulator.url}/admin/callbacks/settle`, { method: 'POST' });
    return jsonObject.parse(
      await (await fetch(`${emulator.url}/admin/orders/240101_legacy`)).json(),
    );
  }

  it('is retried as not processed by default (API v2 documents return_code)', async () => {
    const order = await deliver({});
    expect(order.callback).toMatchObject({ state: 'gave_up' });
    expect(merchant?.received).toHaveLength(4);
  });

  it('counts as processed with acceptLegacyReturncode', async () => {
    const order = await deliver({ acceptLegacyReturncode: true });
    expect(order.callback).toMatchObject({ state: 'delivered' });
    expect(merchant?.received).toHaveLength(1);
  });
});
