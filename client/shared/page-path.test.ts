import { describe, expect, it } from 'vitest';
import { checkoutPath, routeOf } from './page-path';

describe('routeOf', () => {
  it('finds the order of a checkout path, with or without a trailing slash', () => {
    expect(routeOf('/checkout/7K3QMX9P2A')).toEqual({ page: 'checkout', orderId: '7K3QMX9P2A' });
    expect(routeOf('/checkout/7K3QMX9P2A/')).toEqual({ page: 'checkout', orderId: '7K3QMX9P2A' });
    expect(routeOf(checkoutPath('260115_a b'))).toEqual({
      page: 'checkout',
      orderId: '260115_a b',
    });
  });

  it('knows the confirmation page and the shop, and finds no other path', () => {
    expect(routeOf('/order/confirmation/')).toEqual({ page: 'confirmation' });
    expect(routeOf('/')).toEqual({ page: 'shop' });
    expect(routeOf('//')).toEqual({ page: 'shop' });
    expect(routeOf('/checkout')).toEqual({ page: 'not-found' });
    expect(routeOf('/checkout/a/b')).toEqual({ page: 'not-found' });
    expect(routeOf('/no-such-page')).toEqual({ page: 'not-found' });
    expect(routeOf('/order')).toEqual({ page: 'not-found' });
  });
});
