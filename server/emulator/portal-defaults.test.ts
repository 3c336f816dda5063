// Issue 16, item 1: an app's default callback and redirect URLs, as the Merchant Portal registers them.
// The requests are shaped like those of clients that rely on them: the official WooCommerce plugin
// (zpmep/zalopay-wordpress-plugin, class-wc-zlp-api.php: a form body, no callback_url, bank_code
// zalopayapp, source=web) and the official quickstart (zalopay-samples/quickstart-payment-gateway:
// every field in the query string, an empty body, no callback_url, embed_data without redirecturl).
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from './emulator';
import type { RunningEmulator } from './emulator';
import { parseAppsSetting } from '../env/emulator-apps-setting';
import { startMerchantReceiver } from '../testing/merchant-receiver';
import type { MerchantReceiver } from '../testing/merchant-receiver';

/** 2024-01-01 07:01 in Vietnam. */
const NOW = 1704067260000;
const APP_TIME = 1704067200000;
const KEY1 = 'merchant-test-key1-0123456789abcd';
const KEY2 = 'merchant-test-key2-0123456789abcd';
const jsonObject = z.record(z.string(), z.unknown());
const callbackEnvelope = z.object({ data: z.string(), mac: z.string(), type: z.literal(1) });
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

let emulator: RunningEmulator | undefined;
let merchant: MerchantReceiver | undefined;
afterEach(async () => {
  await emulator?.close();
  await merchant?.close();
  emulator = undefined;
  merchant = undefined;
});

async function start(appsJson: string): Promise<RunningEmulator> {
  emulator = await startEmulator({
    now: () => NOW,
    apps: parseAppsSetting(appsJson, 'EMULATOR_APPS'),
    settings: { callbackRetryIntervalMs: 20 },
  });
  return emulator;
}

function signedCreate(appId: number, appTransId: string, embedData: string, item: string) {
  return {
    app_id: String(appId),
    app_user: 'guest',
    app_trans_id: appTransId,
    app_time: String(APP_TIME),
    amount: '120000',
    description: 'Payment for order - 42',
    item,
    embed_data: embedData,
    bank_code: 'zalopayapp',
    mac: hmac(KEY1, `${appId}|${appTransId}|guest|120000|${APP_TIME}|${embedData}|${item}`),
  };
}

async function pay(url: string, appTransId: string) {
  const response = await fetch(`${url}/admin/orders/${appTransId}/pay`, {
    method: 'POST',
    body: '{"channel":38}',
  });
  return jsonObject.parse(await response.json());
}

describe('app-level defaults (EMULATOR_APPS)', () => {
  it("sends a WooCommerce-shaped order's callback to the app's default callback URL", async () => {
    merchant = await startMerchantReceiver();
    const { url } = await start(
      JSON.stringify([
        { app_id: 9001, key1: KEY1, key2: KEY2, name: 'Woo shop', callback_url: merchant.url },
      ]),
    );
    // The plugin's embed_data: PHP json_encode with JSON_UNESCAPED_UNICODE, so "/" is written "\/".
    const embedData =
      '{"redirecturl":"https:\\/\\/shop.example\\/?order-received=42&key=wc_order_x&page_id=7","orderID":42}';
    const item = '[{"Áo thun":{"quantity":1,"price":"120000"}}]';
    const form = new URLSearchParams({
      ...signedCreate(9001, '240101_65a1b2c3d4e5f', embedData, item),
      source: 'web',
    });
    const created = await fetch(`${url}/v2/create`, { method: 'POST', body: form });
    expect(jsonObject.parse(await created.json()).return_code).toBe(1);

    await pay(url, '240101_65a1b2c3d4e5f');
    const [callback] = await merchant.waitFor(1);
    if (!callback) throw new Error('no callback arrived at the app default URL');
    // What the plugin does with it: hash_hmac over data with key2, json_decode, embed_data->orderID.
    const envelope = callbackEnvelope.parse(JSON.parse(callback.text));
    expect(envelope.mac).toBe(hmac(KEY2, envelope.data));
    const data = z.object({ embed_data: z.string() }).parse(JSON.parse(envelope.data));
    expect(z.object({ orderID: z.number() }).parse(JSON.parse(data.embed_data)).orderID).toBe(42);
  });

  it("redirects a quickstart-shaped order (query-string fields, no redirecturl) to the app's default redirect URL", async () => {
    const { url } = await start(
      JSON.stringify([
        {
          app_id: 9002,
          key1: KEY1,
          key2: KEY2,
          redirect_url: 'https://shop.example/result?from=zalopay',
        },
      ]),
    );
    const params = new URLSearchParams(signedCreate(9002, '240101_123456', '{}', '[]'));
    const created = await fetch(`${url}/v2/create?${params.toString()}`, { method: 'POST' });
    expect(jsonObject.parse(await created.json()).return_code).toBe(1);

    const paid = await pay(url, '240101_123456');
    const redirect = new URL(z.string().parse(paid.redirect_url));
    expect(redirect.origin + redirect.pathname).toBe('https://shop.example/result');
    expect(redirect.searchParams.get('from')).toBe('zalopay');
    expect(redirect.searchParams.get('checksum')).toBe(
      hmac(KEY2, '9002|240101_123456|38||120000|0|1'),
    );
  });

  it("prefers the order's own callback_url and embed_data.redirecturl over the app defaults", async () => {
    merchant = await startMerchantReceiver();
    const { url } = await start(
      JSON.stringify([
        {
          app_id: 9003,
          key1: KEY1,
          key2: KEY2,
          callback_url: 'http://127.0.0.1:9/never-called',
          redirect_url: 'https://shop.example/default',
        },
      ]),
    );
    const embedData = '{"redirecturl":"https://shop.example/own"}';
    const body = {
      ...signedCreate(9003, '240101_own', embedData, '[]'),
      callback_url: merchant.url,
    };
    await fetch(`${url}/v2/create`, { method: 'POST', body: new URLSearchParams(body) });
    const paid = await pay(url, '240101_own');
    expect(z.string().parse(paid.redirect_url)).toMatch(/^https:\/\/shop\.example\/own\?/);
    expect(await merchant.waitFor(1)).toHaveLength(1);
  });

  it('replaces a built-in app by app_id and keeps the other one', async () => {
    const { url } = await start(
      JSON.stringify([{ app_id: 2553, key1: KEY1, key2: KEY2, qr_code: false }]),
    );
    const apps = z
      .object({ apps: z.array(z.object({ app_id: z.number(), key1: z.string() })) })
      .parse(await (await fetch(`${url}/admin/apps`)).json()).apps;
    expect(apps.map((app) => app.app_id).sort()).toEqual([2553, 2554]);
    // The keys are never shown in full.
    expect(apps.find((app) => app.app_id === 2553)?.key1).toBe('merc…');
    const created = await fetch(`${url}/v2/create`, {
      method: 'POST',
      body: new URLSearchParams(signedCreate(2553, '240101_replaced', '{}', '[]')),
    });
    const answer = jsonObject.parse(await created.json());
    expect(answer.return_code).toBe(1);
    expect(answer).not.toHaveProperty('qr_code');
  });

  it('adds an app at run time with POST /admin/apps; an unknown app stays -402', async () => {
    const { url } = await start('[]');
    const form = () => new URLSearchParams(signedCreate(9004, '240101_runtime', '{}', '[]'));
    const before = jsonObject.parse(
      await (await fetch(`${url}/v2/create`, { method: 'POST', body: form() })).json(),
    );
    expect(before).toMatchObject({ return_code: 2, sub_return_code: -402 });

    const added = await fetch(`${url}/admin/apps`, {
      method: 'POST',
      body: JSON.stringify({ app_id: 9004, key1: KEY1, key2: KEY2, name: 'Added later' }),
    });
    expect(added.status).toBe(201);
    const after = jsonObject.parse(
      await (await fetch(`${url}/v2/create`, { method: 'POST', body: form() })).json(),
    );
    expect(after.return_code).toBe(1);

    const bad = await fetch(`${url}/admin/apps`, {
      method: 'POST',
      body: JSON.stringify({ app_id: 9005, key1: KEY1 }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('key2');
  });
});
