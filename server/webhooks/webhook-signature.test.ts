// The Checkout-Signature contract: HMAC-SHA256(secret, "<t>.<raw body>") in hex, one v1 per secret,
// checked in constant time against the exact bytes, with stale timestamps refused.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature';

const body =
  '{"id":"evt_1","type":"order.paid","created":1795600000,"data":{"order_id":"7K3QMX9P2A"}}';
const current = 'whsec-current-0123456789abcdefghijklmnop';
const previous = 'whsec-previous-0123456789abcdefghijklmno';
const t = 1_795_600_000;

describe('webhook signatures', () => {
  it('is the documented HMAC over "<t>.<body>", as openssl computes it', () => {
    const expected = createHmac('sha256', current).update(`${t}.${body}`).digest('hex');
    expect(signWebhook(body, [current], t)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies with the secret and refuses another, a changed body and a stale time', () => {
    const header = signWebhook(body, [current], t);
    expect(verifyWebhook(body, header, [current], { now: t + 10 })).toEqual({
      ok: true,
      timestamp: t,
    });
    expect(verifyWebhook(body, header, [previous], { now: t })).toEqual({
      ok: false,
      reason: 'no_matching_signature',
    });
    expect(verifyWebhook(`${body} `, header, [current], { now: t }).ok).toBe(false);
    expect(verifyWebhook(body, header, [current], { now: t + 301 })).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(
      verifyWebhook(body, header, [current], { now: t + 3_600, toleranceSeconds: 7_200 }).ok,
    ).toBe(true);
  });

  it('signs with every secret during a rotation, and a receiver holding either accepts', () => {
    const header = signWebhook(Buffer.from(body), [current, previous], t);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifyWebhook(body, header, [current], { now: t }).ok).toBe(true);
    expect(verifyWebhook(body, header, [previous], { now: t }).ok).toBe(true);
    expect(
      verifyWebhook(body, header, ['someone-else-0123456789abcdefghijklm'], { now: t }).ok,
    ).toBe(false);
  });

  it.each([
    undefined,
    '',
    'v1=abc',
    `t=${t}`,
    `t=soon,v1=${'0'.repeat(64)}`,
    `t=${t},v1=${'z'.repeat(64)}`,
  ])('calls %j malformed', (header) => {
    expect(verifyWebhook(body, header, [current], { now: t })).toEqual({
      ok: false,
      reason: 'malformed_header',
    });
  });
});
