// Issue 23: inputs the docs forbid but public evidence shows or ships, against a real emulator.
// - A 43-character yymmdd_<uuid> app_trans_id: a real, checksum-verified redirect of app 554 paid one
//   (docs/zalopay-protocol.md §12.3) although the docs say 40. Accepted with a hint; strict refuses.
// - item "item" (ZaloPay's Node SDK test, zalopay-oss/zalopay-nodejs order.test.ts, against a mock) and
//   a callback_url left as a placeholder (the tokenized-payment quickstart builds it from
//   '<YOUR_MERCHANT_HOST>'): refused with -401 unless placeholderFields is accept.
import { describe, expect, it } from 'vitest';
import type { EmulatorProfile, EmulatorSettingsUpdate } from '../emulator';
import {
  emulatorPerTest,
  hmacHex as hmac,
  SANDBOX_2553_KEY1 as KEY1,
} from '../../testing/emulator-per-test';
import { startMerchantReceiver } from '../../testing/merchant-receiver';

const NOW = 1720137600000;
const UUID_ID = '240705_ac497ec2-ff41-4a3b-8e74-6b5be1aa6950';

const emulator = emulatorPerTest();

async function start(profile: EmulatorProfile = 'sandbox', settings: EmulatorSettingsUpdate = {}) {
  await emulator.start({ now: () => NOW, profile, settings });
}

const post = (path: string, body: Record<string, unknown>) => emulator.post(path, body, 'json');

function create(appTransId: string, extra: { item?: string; callback_url?: string } = {}) {
  const item = extra.item ?? '[]';
  const appTime = NOW - 60_000;
  return post('/v2/create', {
    app_id: 2553,
    app_user: 'user123',
    app_trans_id: appTransId,
    app_time: appTime,
    amount: 50000,
    description: 'order',
    embed_data: '{}',
    ...extra,
    item,
    mac: hmac(KEY1, `2553|${appTransId}|user123|50000|${appTime}|{}|${item}`),
  });
}

const orderRequest = (appTransId: string) => ({
  app_id: 2553,
  app_trans_id: appTransId,
  mac: hmac(KEY1, `2553|${appTransId}|${KEY1}`),
});
const hintsOf = async (appTransId: string) =>
  (await emulator.admin.requests(appTransId)).at(-1)?.hints.join(' ') ?? '';

describe('an app_trans_id longer than 40 characters', () => {
  it('is created, queried and cancelled by default, each time with a hint', async () => {
    await start();
    expect(UUID_ID).toHaveLength(43);
    expect(await create(UUID_ID)).toMatchObject({ return_code: 1 });
    expect(await hintsOf(UUID_ID)).toContain('43 characters, more than the documented 40');
    expect(await post('/v2/query', orderRequest(UUID_ID))).toMatchObject({ return_code: 3 });
    expect(await post('/v2/cancel', orderRequest(UUID_ID))).toMatchObject({ return_code: 1 });
    expect(await hintsOf(UUID_ID)).toContain('The real sandbox has paid a 43-character');
  });

  it('is refused with -401 by the strict profile (40), and past 256 characters by both', async () => {
    await start('strict');
    expect(await create(UUID_ID)).toMatchObject({ return_code: 2, sub_return_code: -401 });
    expect(await hintsOf(UUID_ID)).toContain('accepts at most 40 (appTransIdMaxLength');
    expect(await post('/v2/query', orderRequest(UUID_ID))).toMatchObject({ sub_return_code: -401 });
    await emulator.admin.updateSettings({ appTransIdMaxLength: null });
    expect(await create(`240705_${'x'.repeat(250)}`)).toMatchObject({ sub_return_code: -401 });
    expect(await create(UUID_ID)).toMatchObject({ return_code: 1 });
  });
});

describe('placeholder fields', () => {
  it('are refused with -401 by default, with hints that name the placeholder', async () => {
    await start();
    expect(await create('240705_item', { item: 'item' })).toMatchObject({ sub_return_code: -401 });
    expect(await hintsOf('240705_item')).toContain('item is not JSON');
    const placeholder = '<YOUR_MERCHANT_HOST>undefined';
    expect(await create('240705_cb', { callback_url: placeholder })).toMatchObject({
      sub_return_code: -401,
    });
    expect(await hintsOf('240705_cb')).toContain(
      'callback_url "<YOUR_MERCHANT_HOST>undefined" is not an http(s) URL, a placeholder left from a sample? It is refused with -401',
    );
  });

  it('are accepted with placeholderFields accept: item echoed as sent, the callback cannot be delivered', async () => {
    await start('sandbox', { placeholderFields: 'accept', callbackRetryIntervalMs: 10 });
    expect(await create('240705_item', { item: 'item' })).toMatchObject({ return_code: 1 });
    expect(await hintsOf('240705_item')).toContain(
      'Accepted as it is (placeholderFields is accept',
    );
    const merchant = await startMerchantReceiver();
    try {
      expect(
        await create('240705_echo', { item: 'item', callback_url: merchant.url }),
      ).toMatchObject({ return_code: 1 });
      await emulator.admin.pay('240705_echo');
      const [callback] = await merchant.waitFor(1);
      expect(callback?.text).toContain(String.raw`\"item\":\"item\"`);
    } finally {
      await merchant.close();
    }

    expect(
      await create('240705_cb', { callback_url: '<YOUR_MERCHANT_HOST>undefined' }),
    ).toMatchObject({ return_code: 1 });
    await emulator.admin.pay('240705_cb');
    await emulator.admin.settleCallbacks();
    const order = await emulator.admin.order('240705_cb');
    expect(order.callback.state).toBe('gave_up');
    expect(order.callback.attempts).toHaveLength(4);
    expect(order.callback.attempts[0]?.http_status).toBeNull();
  });
});
