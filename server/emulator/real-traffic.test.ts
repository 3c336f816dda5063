// Issue 16, item 3: small wire details, each held to a real sample or to the client that relies on it
// (the card callbacks of 2023-2026 are in real-card-callbacks.test.ts).
// - The recorded 2554 create answer has no cashier_order_url (docs/zalopay-protocol.md §3.6, public code).
// - ZaloPay's Node SDK (zalopay-oss/zalopay-nodejs, specs/zlp.yaml) documents a top-level redirect_url.
// - ZaloPay's C# demo (zpmep/demo-csharp, CallbackController.cs) answers {"returncode":1,...}.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from './emulator';
import type { EmulatorSettingsUpdate, RunningEmulator } from './emulator';
import { startMerchantReceiver } from '../testing/merchant-receiver';
import type { MerchantReceiver } from '../testing/merchant-receiver';
import { createSandboxOrder as create } from '../testing/sandbox-order';

const jsonObject = z.record(z.string(), z.unknown());

let emulator: RunningEmulator | undefined;
let merchant: MerchantReceiver | undefined;
afterEach(async () => {
  await emulator?.close();
  await merchant?.close();
  emulator = undefined;
  merchant = undefined;
});

async function pay(url: string, appTransId: string, body: Record<string, unknown>) {
  const response = await fetch(`${url}/admin/orders/${appTransId}/pay`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return jsonObject.parse(await response.json());
}

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
