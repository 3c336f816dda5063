// The typed admin client against a real emulator: what it answers, and which refusals it throws
// (pay) or hands back (tryPay, cancel, payVietQr, settleCallbacks), so its callers need no HTTP of their own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../emulator';
import { EmulatorAdminError, emulatorAdminClient, type EmulatorAdminClient } from './admin-client';

/** create-1 of docs/zalopay-protocol.md §12.4, signed with app 2553's key1. */
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
/** 2024-01-01 07:01 in Vietnam: one minute after create-1's app_time. */
const NOW = 1704067260000;

let emulator: RunningEmulator;
let admin: EmulatorAdminClient;

beforeEach(async () => {
  emulator = await startEmulator({ now: () => NOW, zpTransIdSequenceStart: 123 });
  admin = emulatorAdminClient(emulator.url);
  const created = await fetch(`${emulator.url}/v2/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CREATE_1),
  });
  expect(await created.json()).toMatchObject({ return_code: 1 });
});
afterEach(async () => {
  await emulator.close();
});

describe('the emulator admin client', () => {
  it("pays an order and reads the emulator's truth about it", async () => {
    const paid = await admin.pay('240101_123456');
    expect(paid.result).toBe('paid');
    expect(paid.order.zp_trans_id).toBe(240101000000123);
    expect(await admin.order('240101_123456')).toMatchObject({ status: 'paid', amount: 50000 });
    expect((await admin.orders()).map((order) => order.app_trans_id)).toEqual(['240101_123456']);
    expect(await admin.settleCallbacks()).toBe('settled');
  });

  it('throws when the emulator refuses a pay, and tryPay answers the refusal instead', async () => {
    await admin.pay('240101_123456');
    const refused = await admin.pay('240101_123456').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EmulatorAdminError);
    expect(refused).toMatchObject({ status: 409 });
    expect((await admin.tryPay('240101_123456')).result).toBe('not_payable');
    expect((await admin.cancel('240101_123456')).result).toBe('not_payable');
    await expect(admin.order('240101_nosuch')).rejects.toMatchObject({ status: 404 });
  });

  it('adds, reads and clears faults, and moves and resets the clock', async () => {
    const pending = await admin.addFaults({ api: { fault: '5xx', endpoints: ['query'] } });
    expect(pending.api).toEqual([
      { fault: '5xx', status: 503, remaining: 1, endpoints: ['query'] },
    ]);
    expect((await admin.clearFaults()).api).toEqual([]);
    expect((await admin.advanceClock(60_000)).offset_ms).toBe(60_000);
    expect((await admin.resetClock()).offset_ms).toBe(0);
  });

  it('hands back every verdict of the banking app with its HTTP status', async () => {
    expect(await admin.payVietQr({ payload: 'not a vietqr code' })).toEqual({
      status: 400,
      body: { result: 'malformed' },
    });
  });
});
