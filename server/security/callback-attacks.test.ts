// Validly signed callbacks an attacker (or a confused gateway) can send through the app's HTTP route:
// a wrong amount then the right one under one zp_trans_id must still leave the PAID order its ledger
// row; data that can never be applied (a time out of range, a NUL character) is
// acknowledged so ZaloPay stops resending it, and raised as an alert, never answered "retry later" (item 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseDrivers } from '../testing/test-database';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { serveAppOn, type ServedApp } from '../testing/app-harness';
import { callbackData, effectsOf } from '../testing/callback-bodies';
import { capturedLog, type CapturedLog } from '../testing/captured-log';
import { insertStoredOrder } from '../testing/stored-orders';
import { signCallbackBody } from '../zalopay';
import { SANDBOX_APP } from '../testing/service-harness';

describe.each(testDatabaseDrivers())('signed callbacks under attack (%s)', (driver) => {
  let harness: ServiceHarness;
  let app: ServedApp;
  let captured: CapturedLog;

  beforeAll(async () => {
    captured = capturedLog();
    harness = await startServiceHarness(driver, { log: captured.log });
    app = await serveAppOn(harness);
  });
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  async function post(data: Record<string, unknown>) {
    const response = await fetch(`${app.url}/api/zalopay/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: signCallbackBody(data, SANDBOX_APP.key2),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it('a wrong amount, then the right one with the same zp_trans_id: PAID with its PENDING->PAID row', async () => {
    const order = await insertStoredOrder(harness.database.db, { amount: 10_000 });
    const zpTransId = 240_000_000_000_001;
    const wrong = callbackData({ appTransId: order.appTransId, amount: 1_000, zpTransId });
    const right = callbackData({ appTransId: order.appTransId, amount: 10_000, zpTransId });

    expect((await post(wrong)).body).toMatchObject({ return_code: 1 });
    expect((await post(right)).body).toMatchObject({ return_code: 1 });
    // ZaloPay resending the very same callback is still recognised as a repeat.
    expect((await post(right)).body).toMatchObject({ return_code: 1 });

    expect((await harness.orderRow(order.appTransId)).status).toBe('PAID');
    expect(await effectsOf(harness.database.db, order.id)).toEqual([
      'amount_mismatch_flagged',
      'PENDING->PAID',
    ]);
  });

  it.each([
    ['server_time 9e15', { server_time: 9e15 }],
    ['app_time beyond any date', { app_time: 9e15 }],
    ['a NUL in app_trans_id', { app_trans_id: 'a\u0000b' }],
    ['a NUL in item', { item: '[\u0000]' }],
  ])(
    '%s: acknowledged so ZaloPay stops, raised as an alert, nothing changed',
    async (_label, change) => {
      const order = await insertStoredOrder(harness.database.db, { amount: 10_000 });
      const alertsBefore = captured.alerts('unusable_callback').length;
      const data = {
        ...callbackData({
          appTransId: order.appTransId,
          amount: 10_000,
          zpTransId: 240_000_000_000_002,
        }),
        ...change,
      };

      const answer = await post(data);

      expect(answer).toEqual({ status: 200, body: { return_code: 1, return_message: 'success' } });
      expect(captured.alerts('unusable_callback')).toHaveLength(alertsBefore + 1);
      expect((await harness.orderRow(order.appTransId)).status).toBe('PENDING');
    },
  );

  it('a forged MAC is still refused with 400 and no alert', async () => {
    const alertsBefore = captured.alerts('unusable_callback').length;
    const body = signCallbackBody({ server_time: 9e15 }, SANDBOX_APP.key1);
    const response = await fetch(`${app.url}/api/zalopay/callback`, { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(captured.alerts('unusable_callback')).toHaveLength(alertsBefore);
  });
});
