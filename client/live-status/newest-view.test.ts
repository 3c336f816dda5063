import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../server/payments/status/payment-view';
import { newestView } from './newest-view';

function view(status: PaymentView['status'], serverTime: string): PaymentView {
  return {
    appTransId: '260115_order1',
    orderId: 'ORDER1',
    status,
    amount: 125_000,
    orderUrl: 'https://qcgateway.zalopay.vn/openinapp?order=x',
    qrCode: null,
    expiresAt: new Date('2026-01-15T10:15:00Z'),
    paidAt: null,
    reason: null,
    phoneReport: null,
    serverTime: new Date(serverTime),
  };
}

describe('newestView', () => {
  it('keeps PAID even when an older PENDING answer arrives after it', () => {
    const paid = view('PAID', '2026-01-15T10:01:00Z');
    const stalePending = view('PENDING', '2026-01-15T10:00:59Z');
    expect(newestView(paid, stalePending)).toBe(paid);
    expect(newestView(stalePending, paid)).toBe(paid);
  });

  it('lets a late PAID replace EXPIRED, never the other way round', () => {
    const expired = view('EXPIRED', '2026-01-15T10:20:00Z');
    const latePaid = view('PAID', '2026-01-15T10:21:00Z');
    expect(newestView(expired, latePaid)).toBe(latePaid);
    expect(newestView(latePaid, expired)).toBe(latePaid);
  });

  it('between equal statuses, keeps the one the server made last', () => {
    const earlier = view('PENDING', '2026-01-15T10:00:00Z');
    const later = view('PENDING', '2026-01-15T10:00:03Z');
    expect(newestView(earlier, later)).toBe(later);
    expect(newestView(later, earlier)).toBe(later);
    expect(newestView(undefined, earlier)).toBe(earlier);
  });
});
