// Which page a path shows: the shop at /, one order's checkout at /checkout/{orderId}, and ZaloPay's
// redirect target /order/confirmation. Anything else is not found: the server answers it 404 (its
// spa-route.ts asks this same function), the client shows the not-found page. Four routes need no router.
export type PageRoute =
  | { page: 'shop' }
  | { page: 'checkout'; orderId: string }
  | { page: 'confirmation' }
  | { page: 'not-found' };

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
  return path === '' ? { page: 'shop' } : { page: 'not-found' };
}
