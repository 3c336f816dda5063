// Issue 16, item 2: the default profile takes what the real sandbox evidently takes, the strict
// profile keeps the create-time checks. Evidence: the official quickstarts
// (zalopay-samples/quickstart-payment-gateway, quickstart-nextjs-dynamic-qrcode) build the prefix with
// moment().format('YYMMDD') in the server's zone and run on UTC hosts; ZaloPay's FAQ
// (docs.zalopay.vn/en/v2/reference/common/overview.html) says a stale app_time fails at payment.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadEnv } from '../env';
import { startEmulator } from './emulator';
import type { EmulatorProfile, RunningEmulator } from './emulator';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
/** 2024-01-01 17:30 UTC = 2024-01-02 00:30 in Vietnam: a UTC host still says 240101. */
const EVENING_UTC = Date.UTC(2024, 0, 1, 17, 30);
const jsonObject = z.record(z.string(), z.unknown());
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(now: () => number, profile?: EmulatorProfile) {
  emulator = await startEmulator({ now, ...(profile ? { profile } : {}) });
  return emulator.url;
}

/** The quickstart's create: axios.post(endpoint, null, { params: order }), every field a query parameter. */
async function quickstartCreate(url: string, appTransId: string, appTime: number, extra = {}) {
  const embedData = '{"redirecturl":"https://shop.example/result"}';
  const order = {
    app_id: '2553',
    app_trans_id: appTransId,
    app_user: 'user123',
    app_time: String(appTime),
    item: '[]',
    embed_data: embedData,
    amount: '50000',
    description: `Lazada - Payment for the order #${appTransId}`,
    bank_code: 'zalopayapp',
    mac: hmac(KEY1_2553, `2553|${appTransId}|user123|50000|${appTime}|${embedData}|[]`),
    ...extra,
  };
  const response = await fetch(`${url}/v2/create?${new URLSearchParams(order).toString()}`, {
    method: 'POST',
  });
  return jsonObject.parse(await response.json());
}

describe('the date prefix from a UTC host between 17:00 and 24:00 UTC', () => {
  it('is accepted by default (sandbox profile)', async () => {
    const url = await start(() => EVENING_UTC);
    const answer = await quickstartCreate(url, '240101_482915', EVENING_UTC);
    expect(answer).toMatchObject({ return_code: 1, sub_return_code: 1 });
  });

  it('is refused with -401 by the strict profile', async () => {
    const url = await start(() => EVENING_UTC, 'strict');
    const answer = await quickstartCreate(url, '240101_482915', EVENING_UTC);
    expect(answer).toMatchObject({ return_code: 2, sub_return_code: -401 });
    expect((await quickstartCreate(url, '240102_482915', EVENING_UTC)).return_code).toBe(1);
  });

  it('a date that is today nowhere is refused by both', async () => {
    for (const profile of ['sandbox', 'strict'] as const) {
      const url = await start(() => EVENING_UTC, profile);
      const answer = await quickstartCreate(url, '231225_482915', EVENING_UTC);
      expect(answer.sub_return_code).toBe(-401);
      await emulator?.close();
      emulator = undefined;
    }
  });
});

describe('an app_time 20 minutes old', () => {
  const now = EVENING_UTC;
  const staleAppTime = now - 20 * 60_000;
  const longLived = { expire_duration_seconds: '3600' };

  it('creates the order by default, then refuses the payment: "payment period is invalid"', async () => {
    const url = await start(() => now);
    const created = await quickstartCreate(url, '240102_stale1', staleAppTime, longLived);
    expect(created.return_code).toBe(1);

    const viaAdmin = await fetch(`${url}/admin/orders/240102_stale1/pay`, { method: 'POST' });
    expect(viaAdmin.status).toBe(409);
    expect(jsonObject.parse(await viaAdmin.json())).toMatchObject({
      result: 'invalid_payment_period',
      redirect_url: null,
      order: { status: 'pending', callback: { state: 'not_sent' } },
    });

    const orderUrl = z.string().parse(created.order_url);
    const orderParam = new URL(orderUrl).searchParams.get('order') ?? '';
    const viaPage = await fetch(`${url}/openinapp/pay-wallet`, {
      method: 'POST',
      body: new URLSearchParams({ order: orderParam }),
      redirect: 'manual',
    });
    expect(viaPage.status).toBe(409);
    expect(await viaPage.text()).toContain('Thời gian thanh toán không hợp lệ');
  });

  it('is refused at create with -401 by the strict profile', async () => {
    const url = await start(() => now, 'strict');
    const created = await quickstartCreate(url, '240102_stale2', staleAppTime, longLived);
    expect(created).toMatchObject({ return_code: 2, sub_return_code: -401 });
  });
});

describe('EMULATOR_PROFILE', () => {
  it('defaults to sandbox, takes strict, and refuses anything else naming the variable', () => {
    expect(loadEnv({}).emulator.profile).toBe('sandbox');
    expect(loadEnv({ EMULATOR_PROFILE: 'strict' }).emulator.profile).toBe('strict');
    expect(() => loadEnv({ EMULATOR_PROFILE: 'lenient' })).toThrow(/EMULATOR_PROFILE/);
  });
});
