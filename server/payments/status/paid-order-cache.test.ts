// The PAID-order memory: only PAID orders, the least recently used forgotten first, bounded in size.
import { describe, expect, it } from 'vitest';
import { createPaidOrderCache } from './paid-order-cache';
import type { PaymentStatus, PaymentViewSource } from './payment-view';

const order = (appTransId: string, status: PaymentStatus = 'PAID'): PaymentViewSource => ({
  appTransId,
  shopOrderId: 'ORDER00001',
  status,
  amount: 50_000,
  orderUrl: 'https://example.test/pay',
  qrCode: '000201',
  expiresAt: new Date('2026-11-21T08:15:00Z'),
  paidAt: status === 'PAID' ? new Date('2026-11-21T08:01:00Z') : null,
  failureReason: status === 'PAID' ? null : 'declined',
});

describe('paid order cache', () => {
  it('remembers PAID orders and nothing else', () => {
    const cache = createPaidOrderCache();
    for (const status of ['PENDING', 'FAILED', 'EXPIRED'] as const) {
      cache.remember(order(`261121_${status}`, status));
      expect(cache.get(`261121_${status}`)).toBeUndefined();
    }
    cache.remember(order('261121_paid'));
    expect(cache.get('261121_paid')).toEqual(order('261121_paid'));
  });

  it('keeps only the view fields, not the rest of a stored row', () => {
    const cache = createPaidOrderCache();
    cache.remember({ ...order('261121_row'), ...{ zpTransToken: 'token' } });
    expect(cache.get('261121_row')).not.toHaveProperty('zpTransToken');
  });

  it('forgets the least recently used order past its capacity', () => {
    const cache = createPaidOrderCache(2);
    cache.remember(order('261121_a'));
    cache.remember(order('261121_b'));
    expect(cache.get('261121_a')).toBeDefined();
    cache.remember(order('261121_c'));
    expect(cache.get('261121_b')).toBeUndefined();
    expect(cache.get('261121_a')).toBeDefined();
    expect(cache.get('261121_c')).toBeDefined();
  });
});
