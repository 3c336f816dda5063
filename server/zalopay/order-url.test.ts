// order_url encoding (docs/zalopay-protocol.md §1.2 and the §12.4 deterministic example).
import { describe, expect, it } from 'vitest';
import { buildOrderUrl, decodeOrderUrl } from './order-url';

const EXAMPLE_URL =
  'https://qcgateway.zalopay.vn/openinapp?order=eyJ6cHRyYW5zdG9rZW4iOiJBQ2FiY2RlZmdoaWprbG1ub3BxcnN0dXYiLCJhcHBpZCI6MjU1M30=';

describe('order_url', () => {
  it('builds the §12.4 example', () => {
    expect(
      buildOrderUrl('https://qcgateway.zalopay.vn/', {
        zpTransToken: 'ACabcdefghijklmnopqrstuv',
        appId: 2553,
      }),
    ).toBe(EXAMPLE_URL);
  });

  it('decodes the §12.4 example and a real sandbox order_url', () => {
    expect(decodeOrderUrl(EXAMPLE_URL)).toEqual({
      zpTransToken: 'ACabcdefghijklmnopqrstuv',
      appId: 2553,
    });
    expect(
      decodeOrderUrl(
        'https://qcgateway.zalopay.vn/openinapp?order=eyJ6cHRyYW5zdG9rZW4iOiJBQzZlcnJNTXpyWUFYdGJfekNBMmtYeXciLCJhcHBpZCI6MjU1M30=',
      ),
    ).toEqual({ zpTransToken: 'AC6errMMzrYAXtb_zCA2kXyw', appId: 2553 });
  });

  it('round-trips tokens whose base64 contains + and /', () => {
    const parts = { zpTransToken: 'AC>>>???~~~', appId: 2554 };
    const url = buildOrderUrl('http://127.0.0.1:3001', parts);
    expect(url).toMatch(/[+/]/);
    expect(decodeOrderUrl(url)).toEqual(parts);
  });

  it('answers null for links without a readable order', () => {
    expect(decodeOrderUrl('not a url')).toBeNull();
    expect(decodeOrderUrl('https://qcgateway.zalopay.vn/openinapp')).toBeNull();
    expect(decodeOrderUrl('https://qcgateway.zalopay.vn/openinapp?order=%%%')).toBeNull();
    expect(decodeOrderUrl('https://qcgateway.zalopay.vn/openinapp?order=e30=')).toBeNull();
  });
});
