// Every synthetic MAC vector of docs/zalopay-protocol.md §12.4, computed through the formulas in mac.ts.
import { describe, expect, it } from 'vitest';
import {
  bankListMacInput,
  createOrderMacInput,
  hmacHex,
  isWellFormedMac,
  macMatches,
  queryOrderMacInput,
  queryRefundMacInput,
  redirectChecksumInput,
  refundMacInput,
} from './mac';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const KEY2_2553 = 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz';
const KEY1_2554 = 'sdngKKJmqEMzvh5QQcdD2A9XBSKUNaYn';

describe('create order MAC (§3.4)', () => {
  it('create-1', () => {
    const input = createOrderMacInput({
      app_id: 2553,
      app_trans_id: '240101_123456',
      app_user: 'user123',
      amount: 50000,
      app_time: 1704067200000,
      embed_data: '{"redirecturl":"https://merchant.example/result"}',
      item: '[]',
    });
    expect(input).toBe(
      '2553|240101_123456|user123|50000|1704067200000|{"redirecturl":"https://merchant.example/result"}|[]',
    );
    expect(hmacHex(KEY1_2553, input)).toBe(
      '84f19aa3fc9b2f0a3f7613040148234f93370ce5e636306843f77bdbf72ceffe',
    );
  });

  it('create-2 signs raw UTF-8 (Vietnamese user and item names)', () => {
    const input = createOrderMacInput({
      app_id: 2554,
      app_trans_id: '240101_ORDER0001',
      app_user: 'Nguyễn Văn A',
      amount: 125000,
      app_time: 1704043800000,
      embed_data: '{}',
      item: '[{"itemid":"sku1","itemname":"Áo thun","itemprice":125000,"itemquantity":1}]',
    });
    expect(hmacHex(KEY1_2554, input)).toBe(
      '839ff15b3e484ed1c9274550d08637889e507c2943cd62c9df03ede8dbaf2656',
    );
  });

  it('create-3 (vietqr embed_data)', () => {
    const input = createOrderMacInput({
      app_id: 2553,
      app_trans_id: '240101_vq001',
      app_user: 'demo',
      amount: 10000,
      app_time: 1704067200000,
      embed_data:
        '{"preferred_payment_method":["vietqr"],"redirecturl":"https://merchant.example/zlp/return"}',
      item: '[]',
    });
    expect(hmacHex(KEY1_2553, input)).toBe(
      '55749dbaf72c176fb0bd0a1da26f6aa99fdc64e22ef244908b693aef8f91c736',
    );
  });
});

describe('query, refund, query_refund and bank list MACs', () => {
  it('query-1 and query-2 (key1 is also the last field)', () => {
    expect(hmacHex(KEY1_2553, queryOrderMacInput(2553, '240101_123456', KEY1_2553))).toBe(
      '1f398e7ecd7cc19e0c1baa0f82a47e11cb1042544f9d90dd55bbb0aa2522c2d0',
    );
    expect(hmacHex(KEY1_2554, queryOrderMacInput(2554, '240101_ORDER0001', KEY1_2554))).toBe(
      '2dc69455b3c672ca2cc5e4db0b9b7a366de8c4bcff2f6cea902168e0df3717b9',
    );
  });

  it('refund-1 (no fee) and refund-2 (fee changes the formula)', () => {
    const common = {
      app_id: 2553,
      zp_trans_id: '240101000000123',
      amount: 50000,
      description: 'Refund order 240101_123456',
      timestamp: 1704070800000,
    };
    expect(refundMacInput(common)).toBe(
      '2553|240101000000123|50000|Refund order 240101_123456|1704070800000',
    );
    expect(hmacHex(KEY1_2553, refundMacInput(common))).toBe(
      'd1895f726743faad898bc2ea3d42cda74cd57cf9bd9e0945d392bb814f43914a',
    );
    expect(hmacHex(KEY1_2553, refundMacInput({ ...common, refund_fee_amount: 1000 }))).toBe(
      '051e04b49ace6a088053c44daa2ffa43f08580dc8456de54cad5d6f62a9fb6ea',
    );
  });

  it('query_refund-1', () => {
    expect(hmacHex(KEY1_2553, queryRefundMacInput(2553, '240101_2553_r0001', 1704071000000))).toBe(
      '4e788f40916e253352bc3d1108f6e883174be4a74ee8fadaefd6716760a177c9',
    );
  });

  it('banklist-1', () => {
    expect(hmacHex(KEY1_2553, bankListMacInput(2553, 1704067200000))).toBe(
      'd1caddf1670bf003ea9da1370aeb820a3df2e29cca13fe58c45b7e3322f7b26f',
    );
  });

  it('redirect-synth (key2, empty bankcode keeps its place)', () => {
    const input = redirectChecksumInput({
      appid: 2553,
      apptransid: '240101_123456',
      pmcid: 38,
      bankcode: '',
      amount: 50000,
      discountamount: 0,
      status: 1,
    });
    expect(input).toBe('2553|240101_123456|38||50000|0|1');
    expect(hmacHex(KEY2_2553, input)).toBe(
      '2b2417ddabfc0faacf5eadcaf8ef10996ca2f365441ecd1d2e3e9ac2beb48d0e',
    );
  });
});

describe('macMatches', () => {
  const mac = hmacHex(KEY2_2553, 'payload');

  it('accepts the same MAC and rejects any other', () => {
    expect(macMatches(mac, mac)).toBe(true);
    expect(macMatches(mac, hmacHex(KEY1_2553, 'payload'))).toBe(false);
  });

  it('rejects values that are not 64 lowercase hex characters before comparing', () => {
    for (const received of [mac.toUpperCase(), mac.slice(0, 63), `${mac}0`, '', 42, null]) {
      expect(isWellFormedMac(received)).toBe(false);
      expect(macMatches(mac, received)).toBe(false);
    }
  });
});
