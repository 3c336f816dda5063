// Redirect checksums: the 7 real redirects of docs/zalopay-protocol.md §12.3, the synthetic vector, and forgeries.
import { describe, expect, it } from 'vitest';
import { verifyRedirect } from './redirect';
import { signRedirectQuery } from './test-signing';

const KEY2 = {
  2553: 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
  2554: 'trMrHtvjo6myautxDUiAcYsVtaeQ8nhf',
  554: 'uUfsWgfLkRLzq6W2uNXTCxrfxs51auny',
} as const;

/** [app, checksum input as in §12.3, checksum from the real URL]. */
const REAL_REDIRECTS: [keyof typeof KEY2, string, string][] = [
  [
    2553,
    '2553|241128_64687|0||50000|0|-49',
    '6434e2f3d5f971c9024a97a0e34344ad64a9d759966a8508b46a5e396d642e03',
  ],
  [
    2553,
    '2553|220713_695232|38||323123|0|1',
    'bb1ee529210b36f63221938bb50a4e1a9fa5566ef294ca4aa70731cd963de033',
  ],
  [
    2553,
    '2553|241126_58473|36|CC|10000|0|1',
    'bf5e9ec1b57fe9d938013512eb0c4cd907212b5ddbd2f27dba8a5b7459c9031f',
  ],
  [
    2554,
    '2554|240602_216290|36|CC|200000|0|1',
    'b379b9e8d39559d9dfca37566e48ab7a4fd47b70b2e4ea0a4e3173ecb08de038',
  ],
  [
    2554,
    '2554|240115_4933404831340|38||100000|0|1',
    'c0e0349e4335743ec7b52c7dbf2da18a2e3e57d1efecf6efba30e91b813ebc50',
  ],
  [
    554,
    '554|240705_ac497ec2-ff41-4a3b-8e74-6b5be1aa6950|38||50000|0|1',
    'a1a9fde0924a248be2c1d845f6cc9755728a8659a38cfc4f4b30cb5ea28a5d3b',
  ],
  [
    554,
    '554|211022_beb80b6f-2d09-4b61-94d9-af95be844eca|38||50000|0|-59',
    'ec359685cb75b330a8596f818e803b1786820a2a5e6b31d7a57bafa0085429aa',
  ],
];

/** The query of a redirect, rebuilt from its checksum input, in the older (2021-2023) param order. */
function queryFromInput(input: string, checksum: string): URLSearchParams {
  const [appid, apptransid, pmcid, bankcode, amount, discountamount, status] = input.split('|');
  return new URLSearchParams({
    amount: amount ?? '',
    discountamount: discountamount ?? '',
    appid: appid ?? '',
    checksum,
    apptransid: apptransid ?? '',
    pmcid: pmcid ?? '',
    bankcode: bankcode ?? '',
    status: status ?? '',
  });
}

describe('verifyRedirect on real ZaloPay redirects', () => {
  it.each(REAL_REDIRECTS)('app %i: %s', (app, input, checksum) => {
    const result = verifyRedirect(queryFromInput(input, checksum), KEY2[app]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.params.appId).toBe(app);
    expect(
      [
        result.params.appId,
        result.params.appTransId,
        result.params.pmcid,
        result.params.bankCode,
        result.params.amount,
        result.params.discountAmount,
        result.params.status,
      ].join('|'),
    ).toBe(input);
  });

  it('parses the full real URL of a cancelled payment (status -49, pmcid 0, empty bankcode)', () => {
    const url = new URL(
      'https://docs.zalopay.vn/v2/?amount=50000&appid=2553&apptransid=241128_64687&bankcode=&checksum=6434e2f3d5f971c9024a97a0e34344ad64a9d759966a8508b46a5e396d642e03&discountamount=0&pmcid=0&status=-49',
    );
    expect(verifyRedirect(url.searchParams, KEY2[2553])).toEqual({
      ok: true,
      params: {
        appId: 2553,
        appTransId: '241128_64687',
        pmcid: 0,
        bankCode: '',
        amount: 50000,
        discountAmount: 0,
        status: -49,
        checksum: '6434e2f3d5f971c9024a97a0e34344ad64a9d759966a8508b46a5e396d642e03',
      },
    });
  });

  it('accepts a parsed query object such as Express req.query', () => {
    const [, input, checksum] = REAL_REDIRECTS[2] ?? [];
    const query = Object.fromEntries(queryFromInput(input ?? '', checksum ?? ''));
    expect(verifyRedirect(query, KEY2[2553]).ok).toBe(true);
  });
});

describe('signRedirectQuery (redirect-synth)', () => {
  const fields = {
    appid: 2553,
    apptransid: '240101_123456',
    pmcid: 38,
    bankcode: '',
    amount: 50000,
    discountamount: 0,
    status: 1,
  };

  it('signs with the §12.4 checksum, params in alphabetical order', () => {
    const query = signRedirectQuery(fields, KEY2[2553]);
    expect(query.toString()).toBe(
      'amount=50000&appid=2553&apptransid=240101_123456&bankcode=&checksum=2b2417ddabfc0faacf5eadcaf8ef10996ca2f365441ecd1d2e3e9ac2beb48d0e&discountamount=0&pmcid=38&status=1',
    );
    expect(verifyRedirect(query, KEY2[2553])).toMatchObject({ ok: true, params: { status: 1 } });
  });

  it('rejects a forged status, amount or app id', () => {
    for (const [name, value] of [
      ['status', '1'],
      ['amount', '5000'],
      ['appid', '2554'],
    ] as const) {
      const query = signRedirectQuery({ ...fields, status: -49 }, KEY2[2553]);
      query.set(name, value);
      expect(verifyRedirect(query, KEY2[2553])).toEqual({
        ok: false,
        reason: 'checksum does not match',
      });
    }
  });

  it('rejects a checksum made with another key', () => {
    const query = signRedirectQuery(fields, 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL');
    expect(verifyRedirect(query, KEY2[2553]).ok).toBe(false);
  });

  it('rejects a missing, repeated or malformed parameter', () => {
    const missing = signRedirectQuery(fields, KEY2[2553]);
    missing.delete('bankcode');
    expect(verifyRedirect(missing, KEY2[2553])).toEqual({
      ok: false,
      reason: 'bankcode is missing',
    });

    const repeated = signRedirectQuery(fields, KEY2[2553]);
    repeated.append('apptransid', 'other');
    expect(verifyRedirect(repeated, KEY2[2553])).toEqual({
      ok: false,
      reason: 'apptransid appears more than once',
    });

    const upper = signRedirectQuery(fields, KEY2[2553]);
    upper.set('checksum', upper.get('checksum')?.toUpperCase() ?? '');
    expect(verifyRedirect(upper, KEY2[2553])).toEqual({
      ok: false,
      reason: 'checksum is not 64 lowercase hex characters',
    });

    const query = Object.fromEntries(signRedirectQuery(fields, KEY2[2553]));
    expect(verifyRedirect({ ...query, status: ['1', '1'] }, KEY2[2553]).ok).toBe(false);
    expect(verifyRedirect({ ...query, status: { x: 1 } }, KEY2[2553])).toEqual({
      ok: false,
      reason: 'status is not a string',
    });
  });

  it('rejects a correctly signed non-integer amount', () => {
    const query = signRedirectQuery({ ...fields, amount: '5e4' }, KEY2[2553]);
    expect(verifyRedirect(query, KEY2[2553])).toEqual({
      ok: false,
      reason: 'amount is not an integer',
    });
  });
});
