import { describe, expect, it } from 'vitest';
import { redirectReason } from './verified-redirect-status';

describe('redirectReason', () => {
  it('reads the status only of a verified redirect', () => {
    expect(redirectReason('unverified', '?status=-59')).toBeNull();
    expect(redirectReason(undefined, '?status=-59')).toBeNull();
    expect(redirectReason('success', '?status=1')).toBeNull();
  });

  it('names a declined card, a cancel and anything else', () => {
    expect(redirectReason('not_completed', '?status=-59')).toBe('declined');
    expect(redirectReason('not_completed', '?status=-217')).toBe('other');
    expect(redirectReason('cancelled', '?status=-49')).toBe('cancelled');
  });
});
