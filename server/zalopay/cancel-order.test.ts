// cancelOrder against a real HTTP server that answers as ZaloPay (or the emulator) does: what goes on the wire
// (the documented MAC), each code read as its outcome, the code settings, and every failure read as "unknown".
import { describe, expect, it } from 'vitest';
import { startScriptedServer, type ScriptedAnswer } from '../testing/scripted-gateway';
import { createZaloPayClient } from './client';
import type { ZaloPayConfig } from './config';
import { hmacHex } from './mac';

const APP = {
  appId: 2553,
  key1: 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL',
  key2: 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
};

function answer(returnCode: number, subReturnCode: number, message = ''): ScriptedAnswer {
  return {
    body: JSON.stringify({
      return_code: returnCode,
      return_message: returnCode === 1 ? 'Giao dịch thành công' : 'Giao dịch thất bại',
      sub_return_code: subReturnCode,
      sub_return_message: message,
    }),
  };
}

async function clientFor(answers: ScriptedAnswer[], overrides: Partial<ZaloPayConfig> = {}) {
  const server = await startScriptedServer(answers);
  const client = createZaloPayClient({
    ...APP,
    apiBaseUrl: server.baseUrl,
    gatewayBaseUrl: server.baseUrl,
    timeoutMs: 300,
    maxRetries: 2,
    retryBaseDelayMs: 1,
    ...overrides,
  });
  return { server, client };
}

describe('cancelOrder', () => {
  it('posts app_id, app_trans_id and HMAC(key1, app_id|app_trans_id|key1) as JSON to /v2/cancel', async () => {
    const { server, client } = await clientFor([answer(1, 1)]);
    await expect(client.cancelOrder('240101_7K3QMX9P2A_1')).resolves.toEqual({ kind: 'cancelled' });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.path).toBe('/v2/cancel');
    expect(request?.contentType).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      app_id: 2553,
      app_trans_id: '240101_7K3QMX9P2A_1',
      mac: hmacHex(APP.key1, `2553|240101_7K3QMX9P2A_1|${APP.key1}`),
    });
  });

  it('reads 2/-10 as already paid and 2/-101 as an unknown order (the default codes)', async () => {
    const { client } = await clientFor([answer(2, -10, 'paid'), answer(2, -101)]);
    await expect(client.cancelOrder('240101_A_1')).resolves.toEqual({
      kind: 'already_paid',
      subReturnCode: -10,
      message: 'paid',
    });
    await expect(client.cancelOrder('240101_A_2')).resolves.toMatchObject({
      kind: 'unknown_order',
      subReturnCode: -101,
    });
  });

  it('takes the meaning of the undocumented codes from its settings', async () => {
    const { client } = await clientFor([answer(2, -10), answer(2, -77), answer(2, -78)], {
      cancelCodes: { alreadyPaid: [-77], unknownOrder: [-78] },
    });
    await expect(client.cancelOrder('240101_A_1')).resolves.toMatchObject({ kind: 'unknown' });
    await expect(client.cancelOrder('240101_A_2')).resolves.toMatchObject({ kind: 'already_paid' });
    await expect(client.cancelOrder('240101_A_3')).resolves.toMatchObject({
      kind: 'unknown_order',
    });
  });

  it('never assumes: another code, return_code 3 or a refused request is unknown', async () => {
    const { client } = await clientFor([
      answer(2, -54),
      answer(3, 1),
      answer(2, -402),
      answer(7, 7),
    ]);
    for (const id of ['240101_A_1', '240101_A_2', '240101_A_3', '240101_A_4']) {
      await expect(client.cancelOrder(id)).resolves.toMatchObject({ kind: 'unknown' });
    }
  });

  it('retries a 5xx, -500 and -429 with the same body, then reads the answer', async () => {
    const { server, client } = await clientFor(
      [{ status: 502, body: 'bad gateway' }, answer(2, -500), answer(2, -429), answer(1, 1)],
      { maxRetries: 3 },
    );
    await expect(client.cancelOrder('240101_A_1')).resolves.toEqual({ kind: 'cancelled' });
    expect(server.requests).toHaveLength(4);
    expect(new Set(server.requests.map((request) => request.body)).size).toBe(1);
  });

  it('is unknown once 5xx answers outlast its retries', async () => {
    const outage = { status: 503, body: '' };
    const { server, client } = await clientFor([outage, outage, outage], { maxRetries: 2 });
    const outcome = await client.cancelOrder('240101_A_1');
    expect(outcome).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('HTTP 503') });
    expect(server.requests).toHaveLength(3);
  });

  it('is unknown after a timeout', async () => {
    const { client } = await clientFor(['hang'], { maxRetries: 0, timeoutMs: 150 });
    const outcome = await client.cancelOrder('240101_A_1');
    expect(outcome).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('did not answer'),
    });
  });

  it("is unknown for Express's HTML 404 of a gateway without /v2/cancel", async () => {
    const { client } = await clientFor(
      [{ status: 404, body: '<pre>Cannot POST /v2/cancel</pre>' }, { body: '<html></html>' }],
      { maxRetries: 0 },
    );
    await expect(client.cancelOrder('240101_A_1')).resolves.toMatchObject({ kind: 'unknown' });
    await expect(client.cancelOrder('240101_A_2')).resolves.toMatchObject({ kind: 'unknown' });
  });
});
