// Issue 23: refunds as the public Python and PHP samples send them, against a real emulator. Their
// m_refund_id takes the host's local date ("{:%y%m%d}" / date("ymd")), the UTC date on a UTC host: from
// 17:00 to 24:00 UTC that is yesterday in Vietnam. Accepted like an app_trans_id by default, refused with
// -25 by the strict profile, explained either way; and a wrong refund MAC is explained by what was signed.
import { describe, expect, it } from 'vitest';
import type { EmulatorProfile } from '../emulator';
import {
  emulatorPerTest,
  hmacHex as hmac,
  SANDBOX_2553_KEY1 as KEY1,
} from '../../testing/emulator-per-test';

/** 2024-01-01 18:00 UTC = 2024-01-02 01:00 in Vietnam. */
const EVENING_UTC = Date.UTC(2024, 0, 1, 18, 0);
const ZP_TRANS_ID = '240102000000123';

const emulator = emulatorPerTest();

const post = (path: string, body: Record<string, unknown>) => emulator.post(path, body, 'form');

/** A paid 50 000 VND order (Vietnam-dated, so both profiles take it), zp_trans_id ZP_TRANS_ID. */
async function paidOrder(profile: EmulatorProfile = 'sandbox') {
  await emulator.start({ now: () => EVENING_UTC, zpTransIdSequenceStart: 123, profile });
  const appTime = EVENING_UTC - 60_000;
  const created = await post('/v2/create', {
    app_id: 2553,
    app_user: 'demo',
    app_trans_id: '240102_order1',
    app_time: appTime,
    amount: 50000,
    description: 'Order 1',
    item: '[]',
    embed_data: '{}',
    mac: hmac(KEY1, `2553|240102_order1|demo|50000|${appTime}|{}|[]`),
  });
  expect(created.return_code).toBe(1);
  expect((await emulator.admin.pay('240102_order1')).order.zp_trans_id).toBe(Number(ZP_TRANS_ID));
}

/** The samples' refund: m_refund_id dated `date`, MAC app_id|zp_trans_id|amount|description|timestamp. */
function sampleRefund(date: string, extra: Record<string, unknown> = {}) {
  return {
    app_id: 2553,
    m_refund_id: `${date}_2553_1704132000`,
    zp_trans_id: ZP_TRANS_ID,
    amount: 50000,
    timestamp: EVENING_UTC,
    description: 'ZaloPay Integration Demo',
    mac: hmac(KEY1, `2553|${ZP_TRANS_ID}|50000|ZaloPay Integration Demo|${EVENING_UTC}`),
    ...extra,
  };
}

const lastHints = async () => (await emulator.admin.requests()).at(-1)?.hints ?? [];

describe('an m_refund_id dated by a UTC host in the evening', () => {
  it('is accepted by default, with a hint naming the Vietnam date', async () => {
    await paidOrder();
    expect(await post('/v2/refund', sampleRefund('240101'))).toMatchObject({
      return_code: 3,
      sub_return_code: 2,
    });
    expect(await lastHints()).toEqual([
      "The m_refund_id prefix 240101 is the UTC date, but ZaloPay wants today's date in Vietnam (Asia/Ho_Chi_Minh, GMT+7): 240102. Build it with the Vietnam time zone, not the server's.",
    ]);
  });

  it('is refused with -25 by the strict profile, with the same hint; the Vietnam date passes', async () => {
    await paidOrder('strict');
    expect(await post('/v2/refund', sampleRefund('240101'))).toMatchObject({
      return_code: 2,
      sub_return_code: -25,
    });
    expect((await lastHints())[0]).toContain('Vietnam (Asia/Ho_Chi_Minh, GMT+7): 240102');
    expect(await post('/v2/refund', sampleRefund('240102'))).toMatchObject({ return_code: 3 });
  });

  it('is refused with -25 by both when it is today nowhere', async () => {
    await paidOrder();
    expect(await post('/v2/refund', sampleRefund('231231'))).toMatchObject({
      sub_return_code: -25,
    });
  });
});

describe('a wrong refund MAC', () => {
  it('signed with m_refund_id is explained', async () => {
    await paidOrder();
    const refund = sampleRefund('240102');
    const withId = `2553|${refund.m_refund_id}|${ZP_TRANS_ID}|50000|ZaloPay Integration Demo|${EVENING_UTC}`;
    expect(await post('/v2/refund', { ...refund, mac: hmac(KEY1, withId) })).toMatchObject({
      sub_return_code: -402,
    });
    expect(await lastHints()).toEqual([
      'The MAC is over app_id|m_refund_id|zp_trans_id|amount|description|timestamp: the refund MAC does not cover m_refund_id. Sign app_id|zp_trans_id|amount|description|timestamp (m_refund_id is sent, not signed).',
    ]);
  });

  it('without the refund_fee_amount it sends is explained', async () => {
    await paidOrder();
    const refund = sampleRefund('240102', { refund_fee_amount: 1000 });
    expect(await post('/v2/refund', refund)).toMatchObject({ sub_return_code: -402 });
    expect((await lastHints())[0]).toContain(
      'without refund_fee_amount, but the request sends refund_fee_amount: once it is sent the formula is app_id|zp_trans_id|amount|refund_fee_amount|description|timestamp',
    );
  });

  it('with timestamp and description swapped is a field-order slip', async () => {
    await paidOrder();
    const swapped = hmac(KEY1, `2553|${ZP_TRANS_ID}|50000|${EVENING_UTC}|ZaloPay Integration Demo`);
    expect(await post('/v2/refund', { ...sampleRefund('240102'), mac: swapped })).toMatchObject({
      sub_return_code: -402,
    });
    expect(await lastHints()).toEqual([
      'The MAC is over the right fields in the wrong order: app_id|zp_trans_id|amount|timestamp|description. ZaloPay signs app_id|zp_trans_id|amount|description|timestamp.',
    ]);
  });
});
