// Our app_trans_id and m_refund_id: Vietnam date prefix, enough randomness, within ZaloPay's lengths.
import { describe, expect, it } from 'vitest';
import { APP_TRANS_ID_PATTERN, newAppTransId, newMRefundId } from './app-trans-id';

describe('newAppTransId', () => {
  it('starts with the Vietnam date, even when the UTC date is the day before', () => {
    expect(newAppTransId(1704043800000).startsWith('240101_')).toBe(true);
    expect(newAppTransId(1704040200000).startsWith('231231_')).toBe(true);
  });

  it('carries 128 random bits in base64url and stays within 40 characters', () => {
    const id = newAppTransId(1704067200000);
    expect(id).toMatch(/^240101_[A-Za-z0-9_-]{22}$/);
    expect(id.length).toBeLessThanOrEqual(40);
    expect(id).toMatch(APP_TRANS_ID_PATTERN);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newAppTransId(1704067200000)));
    expect(ids.size).toBe(1000);
  });

  it('defaults to now', () => {
    expect(newAppTransId()).toMatch(APP_TRANS_ID_PATTERN);
  });
});

describe('newMRefundId', () => {
  it('is yymmdd_appid_<random> within 45 characters', () => {
    const id = newMRefundId(2553, 1704043800000);
    expect(id).toMatch(/^240101_2553_[A-Za-z0-9_-]{22}$/);
    expect(id.length).toBeLessThanOrEqual(45);
  });
});
