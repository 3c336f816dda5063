// The callback of a card payment, held byte for byte to real sandbox callbacks of app 2553 whose key2
// MAC we verified (docs/emulator.md, profiles):
// - 2025-08-20, channel 36, in the unit tests of a public C# booking API (B2P_API, VerifyCallbackTest),
//   MAC 33af7d21…, and 2026-03-17, channel 39 (ATM), logged in a public Node project's MAC check
//   script, MAC d7c84b0b…: both carry the 22-character payer id DXp3vtfyygtb2_XdP8yFeA in
//   merchant_user_id and zp_user_id. The default.
// - 2023, channel 36, pasted as a comment in the React Native app of the nyp19vp project (GitHub owner
//   nightowls19vp): `&` written \u0026 in `data`, merchant_user_id and zp_user_id "". anonymousCardPayer.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from './emulator';
import type { EmulatorSettingsUpdate, RunningEmulator } from './emulator';
import { emulatorAdminClient } from './admin/admin-client';
import { startMerchantReceiver } from '../testing/merchant-receiver';
import type { MerchantReceiver } from '../testing/merchant-receiver';
import { createSandboxOrder } from '../testing/sandbox-order';
import type { SandboxOrderInput } from '../testing/sandbox-order';

const KEY2_2553 = 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz';
const callbackEnvelope = z.object({ data: z.string(), mac: z.string(), type: z.literal(1) });

const REAL_2025_CARD_CALLBACK_DATA =
  '{"app_id":2553,"app_trans_id":"250820_145187","app_time":1755703540632,"app_user":"string","amount":5000000,"embed_data":"{\\"additionalProp1\\":\\"string\\",\\"additionalProp2\\":\\"string\\",\\"additionalProp3\\":\\"string\\"}","item":"[{\\"Name\\":\\"string\\",\\"Quantity\\":0,\\"Price\\":0,\\"Description\\":\\"string\\"}]","zp_trans_id":250820000024753,"server_time":1755703587395,"channel":36,"merchant_user_id":"DXp3vtfyygtb2_XdP8yFeA","zp_user_id":"DXp3vtfyygtb2_XdP8yFeA","user_fee_amount":0,"discount_amount":0}';
const REAL_2026_ATM_CALLBACK_DATA =
  '{"app_id":2553,"app_trans_id":"260317_1_762062","app_time":1773749931296,"app_user":"user_1","amount":100000,"embed_data":"{\\"redirecturl\\":\\"https://fafwebv1.vercel.app/wallet/deposit/result\\"}","item":"[{\\"itemid\\":\\"FAF_CRED\\",\\"itemname\\":\\"Nạp 100 CRED vào ví FAF\\",\\"itemprice\\":100000,\\"itemquantity\\":1}]","zp_trans_id":260317000002595,"server_time":1773749951879,"channel":39,"merchant_user_id":"DXp3vtfyygtb2_XdP8yFeA","zp_user_id":"DXp3vtfyygtb2_XdP8yFeA","user_fee_amount":0,"discount_amount":0}';
const REAL_2023_CARD_CALLBACK_DATA =
  '{"app_id":2553,"app_trans_id":"230622_164636725","app_time":1687427196852,"app_user":"64940af1536c05ee69e5361a","amount":150000,"embed_data":"{\\"redirecturl\\":\\"https://www.youtube.com/watch?v=q8AzTS4Yq3I\\u0026ab_channel=Quy%C3%AAnLouis\\"}","item":"[{\\"id\\":\\"6494016fc50761022fe09041\\",\\"name\\":\\"Experience Package\\",\\"price\\":150000,\\"quantity\\":1,\\"duration\\":1,\\"noOfMember\\":6}]","zp_trans_id":230622000003245,"server_time":1687427252734,"channel":36,"merchant_user_id":"","zp_user_id":"","user_fee_amount":0,"discount_amount":0}';

let emulator: RunningEmulator | undefined;
let merchant: MerchantReceiver | undefined;
afterEach(async () => {
  await emulator?.close();
  await merchant?.close();
  emulator = undefined;
  merchant = undefined;
});

interface Payment {
  /** The callback's server_time: the emulator's frozen clock. */
  serverTime: number;
  /** The 9-digit sequence of the callback's zp_trans_id. */
  sequence?: number;
  settings?: EmulatorSettingsUpdate;
  order: SandboxOrderInput;
  channel: 36 | 38 | 39;
}

/** Creates and pays one order on a fresh emulator; answers the callback the merchant received. */
async function callbackOf(payment: Payment) {
  emulator = await startEmulator({
    now: () => payment.serverTime,
    zpTransIdSequenceStart: payment.sequence ?? 1,
    settings: payment.settings ?? {},
  });
  merchant = await startMerchantReceiver();
  const { extra, ...order } = payment.order;
  await createSandboxOrder(emulator.url, {
    ...order,
    extra: { ...extra, callback_url: merchant.url },
  });
  await emulatorAdminClient(emulator.url).pay(order.appTransId, { channel: payment.channel });
  const [callback] = await merchant.waitFor(1);
  return callbackEnvelope.parse(JSON.parse(callback?.text ?? '{}'));
}

describe('the callback of a card payment', () => {
  it('is the real 2025 card callback byte for byte by default: the 22-character payer id', async () => {
    const callback = await callbackOf({
      serverTime: 1755703587395,
      sequence: 24753,
      channel: 36,
      order: {
        appTransId: '250820_145187',
        appUser: 'string',
        appTime: 1755703540632,
        amount: 5000000,
        embedData:
          '{"additionalProp1":"string","additionalProp2":"string","additionalProp3":"string"}',
        item: '[{"Name":"string","Quantity":0,"Price":0,"Description":"string"}]',
      },
    });
    expect(callback.data).toBe(REAL_2025_CARD_CALLBACK_DATA);
    expect(callback.mac).toBe('33af7d21885ae5d8836c75a129b324974cf7ab94ffe5731f6467b55d0d00eabc');
  });

  it('is the real 2026 ATM callback byte for byte by default: the same payer id on channel 39', async () => {
    const callback = await callbackOf({
      serverTime: 1773749951879,
      sequence: 2595,
      channel: 39,
      order: {
        appTransId: '260317_1_762062',
        appUser: 'user_1',
        appTime: 1773749931296,
        amount: 100000,
        embedData: '{"redirecturl":"https://fafwebv1.vercel.app/wallet/deposit/result"}',
        item: '[{"itemid":"FAF_CRED","itemname":"Nạp 100 CRED vào ví FAF","itemprice":100000,"itemquantity":1}]',
      },
    });
    expect(callback.data).toBe(REAL_2026_ATM_CALLBACK_DATA);
    expect(callback.mac).toBe('d7c84b0bf048144a4b27b731f5a4ee1b3edd23a6d7662a388a78fa1f805adacb');
  });

  it('is the real 2023 card callback byte for byte with anonymousCardPayer: \\u0026 in data, empty payer ids', async () => {
    const callback = await callbackOf({
      serverTime: 1687427252734,
      sequence: 3245,
      settings: { anonymousCardPayer: true },
      channel: 36,
      order: {
        appTransId: '230622_164636725',
        appUser: '64940af1536c05ee69e5361a',
        appTime: 1687427196852,
        amount: 150000,
        embedData:
          '{"redirecturl":"https://www.youtube.com/watch?v=q8AzTS4Yq3I&ab_channel=Quy%C3%AAnLouis"}',
        item: '[{"id":"6494016fc50761022fe09041","name":"Experience Package","price":150000,"quantity":1,"duration":1,"noOfMember":6}]',
      },
    });
    expect(callback.data).toBe(REAL_2023_CARD_CALLBACK_DATA);
    expect(callback.mac).toBe(
      createHmac('sha256', KEY2_2553).update(REAL_2023_CARD_CALLBACK_DATA, 'utf8').digest('hex'),
    );
    // A merchant that parses data gets the URL back with its `&`.
    const data = z.object({ embed_data: z.string() }).parse(JSON.parse(callback.data));
    expect(data.embed_data).toContain('q8AzTS4Yq3I&ab_channel');
  });

  it('writes < > & raw with callbackEscapeHtml off, and the card payer id of cardPayerMerchantUserId', async () => {
    const { data } = await callbackOf({
      serverTime: 1704067260000,
      settings: { callbackEscapeHtml: false, cardPayerMerchantUserId: 'cardPayer22chars_abcde' },
      channel: 36,
      order: {
        appTransId: '240101_raw',
        appTime: 1704067200000,
        embedData: '{"note":"<b> & </b>"}',
      },
    });
    expect(data).toContain('<b> & </b>');
    expect(data).toContain('"merchant_user_id":"cardPayer22chars_abcde"');
  });

  it('keeps the 43-character payer id of a wallet payment (the real 2026 wallet callback has one)', async () => {
    const { data } = await callbackOf({
      serverTime: 1704067260000,
      channel: 38,
      order: { appTransId: '240101_wallet', appTime: 1704067200000 },
    });
    expect(data).toContain(
      '"merchant_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA","zp_user_id":"Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA"',
    );
  });
});
