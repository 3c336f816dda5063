// The emulator's banking app (POST /admin/vietqr/pay): a scanned qr_code pays its order by bank transfer
// (channel 37) and the callback says so; a payload with a broken CRC, an unknown account or another
// amount pays nothing.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { buildVietQrPayload } from './vietqr-payload';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const NOW = 1704067260000;
const jsonObject = z.record(z.string(), z.unknown());
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ now: () => NOW, zpTransIdSequenceStart: 123 });
});
afterEach(async () => {
  await emulator.close();
});

async function createOrder(): Promise<string> {
  const mac = hmac(KEY1_2553, `2553|240101_vq001|demo|10000|1704067200000|{}|[]`);
  const response = await fetch(`${emulator.url}/v2/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      app_id: 2553,
      app_user: 'demo',
      app_trans_id: '240101_vq001',
      app_time: 1704067200000,
      amount: 10000,
      description: 'VietQR order',
      item: '[]',
      embed_data: '{}',
      mac,
    }),
  });
  const answer = jsonObject.parse(await response.json());
  return z.string().parse(answer.qr_code);
}

async function bankingAppPays(payload: string) {
  const response = await fetch(`${emulator.url}/admin/vietqr/pay`, {
    method: 'POST',
    body: JSON.stringify({ payload, bank_code: 'VCB' }),
  });
  return { status: response.status, body: jsonObject.parse(await response.json()) };
}

describe('the banking app', () => {
  it('pays the order its qr_code names, by bank transfer', async () => {
    const qrCode = await createOrder();
    const paid = await bankingAppPays(qrCode);
    expect(paid.status).toBe(200);
    expect(paid.body.result).toBe('paid');
    const order = jsonObject.parse(paid.body.order);
    expect(order.app_trans_id).toBe('240101_vq001');
    const truth = jsonObject.parse(
      await (await fetch(`${emulator.url}/admin/orders/240101_vq001`)).json(),
    );
    expect(truth.status).toBe('paid');
    expect(JSON.stringify(truth.shopper_actions)).toContain('"channel":37');
  });

  it('refuses a payload whose CRC is wrong, and pays nothing', async () => {
    const qrCode = await createOrder();
    const tampered = `${qrCode.slice(0, -4)}0000`;
    expect(await bankingAppPays(tampered)).toEqual({
      status: 400,
      body: { result: 'crc_mismatch' },
    });
    const truth = jsonObject.parse(
      await (await fetch(`${emulator.url}/admin/orders/240101_vq001`)).json(),
    );
    expect(truth.status).toBe('pending');
  });

  it('finds no order for an account it never issued, and checks the amount', async () => {
    const qrCode = await createOrder();
    const stranger = buildVietQrPayload({
      merchantCode: '002553',
      reference: '123456789012345678',
      virtualAccount: '99ZP24NOBODY000000',
      amount: 10000,
    });
    expect((await bankingAppPays(stranger)).status).toBe(404);

    const account = /0118(99ZP\w{14})/.exec(qrCode)?.[1] ?? '';
    const otherAmount = buildVietQrPayload({
      merchantCode: '002553',
      reference: '123456789012345678',
      virtualAccount: account,
      amount: 9000,
    });
    const refused = await bankingAppPays(otherAmount);
    expect(refused.status).toBe(409);
    expect(refused.body.result).toBe('amount_mismatch');
  });
});
