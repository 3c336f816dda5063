// Which page a path shows: the shop at /, one order's checkout at /checkout/{orderId}, and ZaloPay's
// redirect target /order/confirmation. Anything else is the shop. Three routes do not need a router library.
export type PageRoute =
  { page: 'shop' } | { page: 'checkout'; orderId: string } | { page: 'confirmation' };

/** Where ZaloPay's redirect (embed_data.redirecturl) brings the shopper back. */
export const CONFIRMATION_PATH = '/order/confirmation';

const CHECKOUT_PATH = /^\/checkout\/([^/]+)$/;

export function checkoutPath(orderId: string): string {
  return `/checkout/${encodeURIComponent(orderId)}`;
}

export function routeOf(pathname: string): PageRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === CONFIRMATION_PATH) return { page: 'confirmation' };
  const checkout = CHECKOUT_PATH.exec(path);
  if (checkout?.[1]) {
    try {
      return { page: 'checkout', orderId: decodeURIComponent(checkout[1]) };
    } catch {
      return { page: 'checkout', orderId: checkout[1] };
    }
  }
  return { page: 'shop' };
}
