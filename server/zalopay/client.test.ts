// The client against a real HTTP server on 127.0.0.1 that answers byte for byte as ZaloPay does
// (docs/zalopay-protocol.md §3.6, §4.2), or fails as networks do: outcomes, retries and what goes on the wire.
import { describe, expect, it } from 'vitest';
import {
  startScriptedServer,
  type RecordedRequest,
  type ScriptedAnswer,
  type ScriptedServer,
} from '../testing/scripted-gateway';
import { createZaloPayClient } from './client';
import type { ZaloPayConfig } from './config';
import {
  ZaloPayError,
  ZaloPayHttpError,
  ZaloPayNetworkError,
  ZaloPayRateLimitedError,
  ZaloPayRefusedError,
  ZaloPayResponseError,
  ZaloPayTimeoutError,
  ZaloPayUnavailableError,
} from './errors';

const APP_2553 = {
  appId: 2553,
  key1: 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL',
  key2: 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
};
const APP_2554 = {
  appId: 2554,
  key1: 'sdngKKJmqEMzvh5QQcdD2A9XBSKUNaYn',
  key2: 'trMrHtvjo6myautxDUiAcYsVtaeQ8nhf',
};

/** Real answers, byte for byte. */
const CREATED_2553 =
  '{"return_code":1,"return_message":"Giao dịch thành công","sub_return_code":1,"sub_return_message":"Giao dịch thành công","zp_trans_token":"AC6errMMzrYAXtb_zCA2kXyw","order_url":"https://qcgateway.zalopay.vn/openinapp?order=eyJ6cHRyYW5zdG9rZW4iOiJBQzZlcnJNTXpyWUFYdGJfekNBMmtYeXciLCJhcHBpZCI6MjU1M30=","cashier_order_url":"https://onelink.zalopay.vn/pay-order?order=eyJ6cHRyYW5zdG9rZW4iOiJBQzZlcnJNTXpyWUFYdGJfekNBMmtYeXciLCJhcHBpZCI6MjU1M30=","order_token":"AC6errMMzrYAXtb_zCA2kXyw","qr_code":"00020101021226530010vn.zalopay01061800050203001031816357958197287719338620010A00000072701320006970454011899ZP26002O021728580208QRIBFTTA5204739953037045405300005802VN6304DECA"}';
const CREATED_2554 =
  '{"return_code":1,"return_message":"Giao dịch thành công","sub_return_code":1,"sub_return_message":"Giao dịch thành công","zp_trans_token":"ACofw5yC4Q9eMToBIe3ZnXiA","order_url":"https://qcgateway.zalopay.vn/openinapp?order=eyJ6cHRyYW5zdG9rZW4iOiJBQ29mdzV5QzRROWVNVG9CSWUzWm5YaUEiLCJhcHBpZCI6MjU1NH0=","order_token":"ACofw5yC4Q9eMToBIe3ZnXiA"}';
const PAID_2554 =
  '{"return_code":1,"return_message":"Giao dịch thành công","sub_return_code":1,"sub_return_message":"Giao dịch thành công","is_processing":false,"amount":999999,"zp_trans_id":250604000000118,"server_time":1748999453845,"discount_amount":0}';

/** Failure envelopes as real traffic shows them (return_code 2 + negative sub code). */
function failure(subReturnCode: number, subMessage = ''): string {
  return JSON.stringify({
    return_code: 2,
    return_message: 'Giao dịch thất bại',
    sub_return_code: subReturnCode,
    sub_return_message: subMessage,
  });
}
const PENDING =
  '{"return_code":3,"return_message":"Giao dịch đang xử lý","sub_return_code":1,"sub_return_message":"","is_processing":true,"amount":0,"zp_trans_id":0,"server_time":1704067300000,"discount_amount":0}';

async function clientFor(
  answers: ScriptedAnswer[],
  overrides: Partial<ZaloPayConfig> = {},
): Promise<{ server: ScriptedServer; client: ReturnType<typeof createZaloPayClient> }> {
  const server = await startScriptedServer(answers);
  const client = createZaloPayClient({
    ...APP_2553,
    apiBaseUrl: server.baseUrl,
    gatewayBaseUrl: `${server.baseUrl}/`,
    timeoutMs: 500,
    maxRetries: 2,
    retryBaseDelayMs: 1,
    now: () => 1704071000000,
    ...overrides,
  });
  return { server, client };
}

function bodyOf(request: RecordedRequest | undefined): Record<string, unknown> {
  return JSON.parse(request?.body ?? 'null');
}

const CREATE_1 = {
  appTransId: '240101_123456',
  appUser: 'user123',
  amount: 50000,
  appTime: 1704067200000,
  description: 'Order 240101_123456',
  item: '[]',
  embedData: '{"redirecturl":"https://merchant.example/result"}',
  bankCode: 'zalopayapp',
  callbackUrl: 'https://merchant.example/api/zalopay/callback',
  expireDurationSeconds: 900,
};

describe('createOrder', () => {
  it('sends create-1 as JSON, signed over exactly what is sent, and reads the real 2553 answer', async () => {
    const { server, client } = await clientFor([{ body: CREATED_2553 }]);
    await expect(client.createOrder(CREATE_1)).resolves.toEqual({
      kind: 'created',
      zpTransToken: 'AC6errMMzrYAXtb_zCA2kXyw',
      orderUrl:
        'https://qcgateway.zalopay.vn/openinapp?order=eyJ6cHRyYW5zdG9rZW4iOiJBQzZlcnJNTXpyWUFYdGJfekNBMmtYeXciLCJhcHBpZCI6MjU1M30=',
      orderToken: 'AC6errMMzrYAXtb_zCA2kXyw',
      qrCode:
        '00020101021226530010vn.zalopay01061800050203001031816357958197287719338620010A00000072701320006970454011899ZP26002O021728580208QRIBFTTA5204739953037045405300005802VN6304DECA',
      cashierOrderUrl:
        'https://onelink.zalopay.vn/pay-order?order=eyJ6cHRyYW5zdG9rZW4iOiJBQzZlcnJNTXpyWUFYdGJfekNBMmtYeXciLCJhcHBpZCI6MjU1M30=',
    });
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v2/create',
      contentType: 'application/json',
    });
    expect(bodyOf(request)).toEqual({
      app_id: 2553,
      app_user: 'user123',
      app_trans_id: '240101_123456',
      app_time: 1704067200000,
      expire_duration_seconds: 900,
      amount: 50000,
      item: '[]',
      description: 'Order 240101_123456',
      embed_data: '{"redirecturl":"https://merchant.example/result"}',
      bank_code: 'zalopayapp',
      callback_url: 'https://merchant.example/api/zalopay/callback',
      mac: '84f19aa3fc9b2f0a3f7613040148234f93370ce5e636306843f77bdbf72ceffe',
    });
  });

  it('sends create-2 (app 2554, UTF-8) and reads an answer without qr_code', async () => {
    const { server, client } = await clientFor([{ body: CREATED_2554 }], APP_2554);
    const outcome = await client.createOrder({
      appTransId: '240101_ORDER0001',
      appUser: 'Nguyễn Văn A',
      amount: 125000,
      appTime: 1704043800000,
      description: 'Áo thun',
      embedData: '{}',
      item: '[{"itemid":"sku1","itemname":"Áo thun","itemprice":125000,"itemquantity":1}]',
    });
    expect(outcome).toMatchObject({ kind: 'created', qrCode: null, cashierOrderUrl: null });
    expect(bodyOf(server.requests[0])).toMatchObject({
      app_user: 'Nguyễn Văn A',
      mac: '839ff15b3e484ed1c9274550d08637889e507c2943cd62c9df03ede8dbaf2656',
    });
  });

  it('sends create-3 (vietqr embed_data) with its MAC', async () => {
    const { server, client } = await clientFor([{ body: CREATED_2553 }]);
    await client.createOrder({
      appTransId: '240101_vq001',
      appUser: 'demo',
      amount: 10000,
      appTime: 1704067200000,
      description: 'demo',
      item: '[]',
      embedData:
        '{"preferred_payment_method":["vietqr"],"redirecturl":"https://merchant.example/zlp/return"}',
      bankCode: '',
    });
    expect(bodyOf(server.requests[0])).toMatchObject({
      bank_code: '',
      mac: '55749dbaf72c176fb0bd0a1da26f6aa99fdc64e22ef244908b693aef8f91c736',
    });
  });

  it('retries an HTTP 503 with the same body; the retry answering -68 means "duplicate: query it"', async () => {
    const { server, client } = await clientFor([
      { status: 503, body: 'Service Unavailable' },
      { body: failure(-68) },
    ]);
    await expect(client.createOrder(CREATE_1)).resolves.toEqual({ kind: 'duplicate' });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).toBe(server.requests[0]?.body);
    expect(bodyOf(server.requests[1]).app_trans_id).toBe('240101_123456');
  });

  it('retries a timeout with the same app_trans_id and body', async () => {
    const { server, client } = await clientFor(['hang', { body: failure(-68) }], {
      timeoutMs: 300,
    });
    await expect(client.createOrder(CREATE_1)).resolves.toEqual({ kind: 'duplicate' });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).toBe(server.requests[0]?.body);
  });

  it.each([
    [-402, 'Chữ ký không hợp lệ'],
    [-401, 'Dữ liệu yêu cầu không hợp lệ'],
  ])('returns %i as rejected and never retries it', async (sub, message) => {
    const { server, client } = await clientFor([{ body: failure(sub, message) }]);
    await expect(client.createOrder(CREATE_1)).resolves.toEqual({
      kind: 'rejected',
      returnCode: 2,
      subReturnCode: sub,
      message,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('returns a negative return_code (-402 in the return_code column) as rejected', async () => {
    const { client } = await clientFor([
      { body: '{"return_code":-402,"return_message":"Invalid mac"}' },
    ]);
    await expect(client.createOrder(CREATE_1)).resolves.toEqual({
      kind: 'rejected',
      returnCode: -402,
      subReturnCode: -402,
      message: 'Invalid mac',
    });
  });

  it('does not retry an unreadable answer to create (not JSON)', async () => {
    const { server, client } = await clientFor([
      { body: '<html>502 Bad Gateway</html>' },
      { body: CREATED_2553 },
    ]);
    const error = await client.createOrder(CREATE_1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZaloPayResponseError);
    expect(error).toMatchObject({ retryable: false, endpoint: '/v2/create' });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a success answer missing order_url as unreadable', async () => {
    const { client } = await clientFor([{ body: '{"return_code":1,"zp_trans_token":"ACx"}' }]);
    await expect(client.createOrder(CREATE_1)).rejects.toThrow(/order_url/);
  });

  it('retries -429 up to maxRetries, then throws ZaloPayRateLimitedError', async () => {
    const limited = { body: failure(-429) };
    const { server, client } = await clientFor([limited, limited, limited, { body: CREATED_2553 }]);
    const error = await client.createOrder(CREATE_1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZaloPayRateLimitedError);
    expect(error).toMatchObject({ retryable: true, subReturnCode: -429 });
    expect(server.requests).toHaveLength(3);
  });

  it('never sends keys: neither key appears in any request body', async () => {
    const { server, client } = await clientFor([{ body: CREATED_2553 }, { body: PAID_2554 }]);
    await client.createOrder(CREATE_1);
    await client.queryOrder('240101_123456');
    for (const request of server.requests) {
      expect(request.body).not.toContain(APP_2553.key1);
      expect(request.body).not.toContain(APP_2553.key2);
    }
  });
});

describe('queryOrder', () => {
  it('sends query-1 and translates the real paid answer, keeping zp_trans_id as a string', async () => {
    const { server, client } = await clientFor([{ body: PAID_2554 }]);
    await expect(client.queryOrder('240101_123456')).resolves.toEqual({
      kind: 'paid',
      zpTransId: '250604000000118',
      amount: 999999,
      discountAmount: 0,
      serverTime: 1748999453845,
    });
    expect(server.requests[0]).toMatchObject({
      path: '/v2/query',
      contentType: 'application/json',
    });
    expect(bodyOf(server.requests[0])).toEqual({
      app_id: 2553,
      app_trans_id: '240101_123456',
      mac: '1f398e7ecd7cc19e0c1baa0f82a47e11cb1042544f9d90dd55bbb0aa2522c2d0',
    });
  });

  it('sends query-2 for app 2554', async () => {
    const { server, client } = await clientFor([{ body: PAID_2554 }], APP_2554);
    await client.queryOrder('240101_ORDER0001');
    expect(bodyOf(server.requests[0]).mac).toBe(
      '2dc69455b3c672ca2cc5e4db0b9b7a366de8c4bcff2f6cea902168e0df3717b9',
    );
  });

  it.each([
    ['pending (3, is_processing)', PENDING, { kind: 'pending', isProcessing: true }],
    [
      'pending (3, no is_processing)',
      '{"return_code":3,"return_message":"","sub_return_code":1}',
      { kind: 'pending', isProcessing: false },
    ],
    ['expired (2/-54)', failure(-54), { kind: 'expired' }],
    ['not found (2/-101)', failure(-101), { kind: 'not_found' }],
    [
      'balance too low (2/-63) stays payable',
      failure(-63, 'Số dư không đủ'),
      { kind: 'pending', isProcessing: false },
    ],
    [
      'failed (2/-217, a bank error)',
      failure(-217, 'Lỗi ngân hàng'),
      { kind: 'failed', subReturnCode: -217, message: 'Lỗi ngân hàng' },
    ],
    [
      'an unknown return code',
      '{"return_code":0,"return_message":"?"}',
      { kind: 'failed', subReturnCode: 0, message: '?', unexpectedReturnCode: 0 },
    ],
  ])('%s', async (_label, body, expected) => {
    const { server, client } = await clientFor([{ body }]);
    await expect(client.queryOrder('240101_123456')).resolves.toEqual(expected);
    expect(server.requests).toHaveLength(1);
  });

  it('uses the time of receipt when a paid answer lacks server_time (the SDK mock shape)', async () => {
    const { client } = await clientFor([
      {
        body: '{"return_code":1,"return_message":"","sub_return_code":1,"sub_return_message":"","amount":5000,"is_processing":false,"zp_trans_id":230512000007041}',
      },
    ]);
    await expect(client.queryOrder('240101_123456')).resolves.toMatchObject({
      zpTransId: '230512000007041',
      serverTime: 1704071000000,
    });
  });

  it('retries HTTP 503 and invalid JSON, then returns the answer', async () => {
    const { server, client } = await clientFor([
      { status: 503, body: '' },
      { body: '{"return_code":' },
      { body: PAID_2554 },
    ]);
    await expect(client.queryOrder('240101_123456')).resolves.toMatchObject({ kind: 'paid' });
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((request) => request.body)).size).toBe(1);
  });

  it('throws ZaloPayTimeoutError after 1 + maxRetries hung attempts', async () => {
    const { server, client } = await clientFor(['hang', 'hang', 'hang'], { timeoutMs: 200 });
    const error = await client.queryOrder('240101_123456').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZaloPayTimeoutError);
    expect(error).toMatchObject({ retryable: true, endpoint: '/v2/query', timeoutMs: 200 });
    expect(server.requests).toHaveLength(3);
  });

  it('throws ZaloPayHttpError(503) once retries are spent', async () => {
    const unavailable = { status: 503, body: 'Service Unavailable' };
    const { server, client } = await clientFor([unavailable, unavailable, unavailable]);
    const error = await client.queryOrder('240101_123456').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZaloPayHttpError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry an HTTP 400', async () => {
    const { server, client } = await clientFor([{ status: 400, body: '' }, { body: PAID_2554 }]);
    await expect(client.queryOrder('240101_123456')).rejects.toMatchObject({
      status: 400,
      retryable: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a -429 in the return_code column, then returns the answer', async () => {
    const { server, client } = await clientFor([
      { body: '{"return_code":-429,"return_message":"Limit"}' },
      { body: PENDING },
    ]);
    await expect(client.queryOrder('240101_123456')).resolves.toMatchObject({ kind: 'pending' });
    expect(server.requests).toHaveLength(2);
  });

  it.each([-500, -999])('throws ZaloPayUnavailableError for %i after retries', async (code) => {
    const answer = { body: failure(code) };
    const { server, client } = await clientFor([answer, answer, answer]);
    await expect(client.queryOrder('240101_123456')).rejects.toBeInstanceOf(
      ZaloPayUnavailableError,
    );
    expect(server.requests).toHaveLength(3);
  });

  it('throws ZaloPayRefusedError for -402 (a wrong key says nothing about the order), without retrying', async () => {
    const { server, client } = await clientFor([{ body: failure(-402, 'Chữ ký không hợp lệ') }]);
    const error = await client.queryOrder('240101_123456').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZaloPayRefusedError);
    expect(error).toMatchObject({
      retryable: false,
      subReturnCode: -402,
      gatewayMessage: 'Chữ ký không hợp lệ',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('throws ZaloPayNetworkError when nothing listens', async () => {
    const { server, client } = await clientFor([], { maxRetries: 1 });
    await server.close();
    const error = await client.queryOrder('240101_123456').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZaloPayNetworkError);
    expect(error).toBeInstanceOf(ZaloPayError);
  });

  it('rejects a paid answer whose zp_trans_id is not a safe integer', async () => {
    const { client } = await clientFor(
      [{ body: PAID_2554.replace('250604000000118', '25060400000011800') }],
      {
        maxRetries: 0,
      },
    );
    await expect(client.queryOrder('240101_123456')).rejects.toBeInstanceOf(ZaloPayResponseError);
  });
});

describe('refund and queryRefund', () => {
  const REFUND_1 = {
    mRefundId: '240101_2553_r0001',
    zpTransId: '240101000000123',
    amount: 50000,
    description: 'Refund order 240101_123456',
    timestamp: 1704070800000,
  };

  it('sends refund-1 (m_refund_id outside the MAC) and reads "processing"', async () => {
    const { server, client } = await clientFor([
      {
        body: '{"return_code":3,"return_message":"","sub_return_code":2,"sub_return_message":"","refund_id":240101000000555}',
      },
    ]);
    await expect(client.refund(REFUND_1)).resolves.toEqual({
      kind: 'processing',
      refundId: '240101000000555',
    });
    expect(server.requests[0]?.path).toBe('/v2/refund');
    expect(bodyOf(server.requests[0])).toEqual({
      app_id: 2553,
      m_refund_id: '240101_2553_r0001',
      zp_trans_id: '240101000000123',
      amount: 50000,
      timestamp: 1704070800000,
      description: 'Refund order 240101_123456',
      mac: 'd1895f726743faad898bc2ea3d42cda74cd57cf9bd9e0945d392bb814f43914a',
    });
  });

  it('sends refund-2 with refund_fee_amount in the MAC and reads the SDK success answer', async () => {
    const { server, client } = await clientFor([
      {
        body: '{"return_code":1,"return_message":"Transaction successful.","sub_return_code":1,"sub_return_message":"Transaction successful.","refund_id":123456789}',
      },
    ]);
    await expect(client.refund({ ...REFUND_1, refundFeeAmount: 1000 })).resolves.toEqual({
      kind: 'refunded',
      refundId: '123456789',
    });
    expect(bodyOf(server.requests[0])).toMatchObject({
      refund_fee_amount: 1000,
      mac: '051e04b49ace6a088053c44daa2ffa43f08580dc8456de54cad5d6f62a9fb6ea',
    });
  });

  it('retries a timeout with the same m_refund_id and timestamp; -23 means already submitted', async () => {
    const { server, client } = await clientFor(['hang', { body: failure(-23) }], {
      timeoutMs: 300,
      now: () => 1704070900000,
    });
    const { timestamp: _omitted, ...withoutTimestamp } = REFUND_1;
    await expect(client.refund(withoutTimestamp)).resolves.toEqual({ kind: 'duplicate' });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).toBe(server.requests[0]?.body);
    expect(bodyOf(server.requests[0]).timestamp).toBe(1704070900000);
  });

  it('returns -14 (amount too high) as rejected', async () => {
    const { client } = await clientFor([{ body: failure(-14) }]);
    await expect(client.refund(REFUND_1)).resolves.toMatchObject({
      kind: 'rejected',
      subReturnCode: -14,
    });
  });

  it('sends query_refund-1 with timestamp from now()', async () => {
    const { server, client } = await clientFor([
      { body: '{"return_code":1,"return_message":"","sub_return_code":1}' },
    ]);
    await expect(client.queryRefund('240101_2553_r0001')).resolves.toEqual({ kind: 'refunded' });
    expect(server.requests[0]?.path).toBe('/v2/query_refund');
    expect(bodyOf(server.requests[0])).toEqual({
      app_id: 2553,
      m_refund_id: '240101_2553_r0001',
      timestamp: 1704071000000,
      mac: '4e788f40916e253352bc3d1108f6e883174be4a74ee8fadaefd6716760a177c9',
    });
  });

  it.each([
    [
      '3/2 processing',
      '{"return_code":3,"sub_return_code":2}',
      { kind: 'processing', needsManualHandling: false },
    ],
    [
      '3/-1 pending manual',
      '{"return_code":3,"sub_return_code":-1}',
      { kind: 'processing', needsManualHandling: true },
    ],
    ['2/-101 not found', failure(-101), { kind: 'not_found' }],
    [
      '2/-32 not refundable',
      failure(-32, 'x'),
      { kind: 'failed', subReturnCode: -32, message: 'x' },
    ],
  ])('queryRefund %s', async (_label, body, expected) => {
    const { client } = await clientFor([{ body }]);
    await expect(client.queryRefund('240101_2553_r0001')).resolves.toEqual(expected);
  });
});

describe('listBanks', () => {
  it('sends banklist-1 form-encoded with v1 names to the gateway host', async () => {
    const answer = JSON.stringify({
      returncode: 1,
      returnmessage: '',
      banks: {
        '38': [
          {
            bankcode: 'zalopayapp',
            name: 'ZaloPay',
            displayorder: 1,
            pmcid: 38,
            minamount: 1000,
            maxamount: 100000000,
          },
        ],
        '39': [{ bankcode: 'VCB', name: 'Vietcombank', displayorder: 2, pmcid: 39 }],
      },
    });
    const { server, client } = await clientFor([{ body: answer }], { now: () => 1704067200000 });
    const outcome = await client.listBanks();
    expect(outcome).toEqual({
      kind: 'banks',
      banksByPmcid: {
        '38': [
          {
            bankCode: 'zalopayapp',
            name: 'ZaloPay',
            displayOrder: 1,
            pmcid: 38,
            minAmount: 1000,
            maxAmount: 100000000,
          },
        ],
        '39': [
          {
            bankCode: 'VCB',
            name: 'Vietcombank',
            displayOrder: 2,
            pmcid: 39,
            minAmount: null,
            maxAmount: null,
          },
        ],
      },
    });
    expect(server.requests[0]).toEqual({
      method: 'POST',
      path: '/api/getlistmerchantbanks',
      contentType: 'application/x-www-form-urlencoded',
      body: 'appid=2553&reqtime=1704067200000&mac=d1caddf1670bf003ea9da1370aeb820a3df2e29cca13fe58c45b7e3322f7b26f',
    });
  });

  it('returns a refusal as rejected', async () => {
    const { client } = await clientFor([
      { body: '{"returncode":-2,"returnmessage":"APPID_INVALID"}' },
    ]);
    await expect(client.listBanks()).resolves.toEqual({
      kind: 'rejected',
      returnCode: -2,
      message: 'APPID_INVALID',
    });
  });
});

describe('createZaloPayClient config', () => {
  it('refuses an unusable config at construction, naming the field', () => {
    const base = {
      ...APP_2553,
      apiBaseUrl: 'http://127.0.0.1:1',
      gatewayBaseUrl: 'http://127.0.0.1:1',
    };
    expect(() => createZaloPayClient({ ...base, appId: 0 })).toThrow(/appId/);
    expect(() => createZaloPayClient({ ...base, key1: '' })).toThrow(/key1/);
    expect(() => createZaloPayClient({ ...base, apiBaseUrl: 'sb-openapi.zalopay.vn' })).toThrow(
      /apiBaseUrl/,
    );
  });
});
