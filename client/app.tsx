// The whole app: a header and the page its path names (client/shared/page-path.ts). Pressing Pay in the shop
// moves to the new order's checkout with history.pushState, so Back and reload keep to that order.
// The checkout and the confirmation page are chunks of their own: the shop's first render needs neither.
import { lazy, Suspense, useEffect, useState } from 'react';
import { NotFoundPage } from './pages/not-found-page';
import { ShopPage } from './pages/shop-page';
import { useCheckoutPage } from './pages/use-checkout-page';
import { SiteHeader } from './components/site-header';
import { Spinner } from './components/spinner';
import { VerifyingNotice } from './components/verifying-notice';
import type { DeviceMode } from './device-mode';
import { checkoutPath, routeOf } from './shared/page-path';

const ConfirmationPage = lazy(() =>
  import('./pages/confirmation-page').then((module) => ({ default: module.ConfirmationPage })),
);

interface AppProps {
  pathname?: string;
  search?: string;
  /** For tests: the checkout's device mode and how it leaves for ZaloPay. */
  checkoutOptions?: { initialMode?: DeviceMode; openUrl?: (url: string) => void };
}

interface Location {
  pathname: string;
  /** Set only by a Pay press in this page's life: a reload or Back never asks for a payment by itself. */
  payNow: boolean;
}

export function App({
  pathname = window.location.pathname,
  search = window.location.search,
  checkoutOptions,
}: AppProps) {
  const [location, setLocation] = useState<Location>({ pathname, payNow: false });

  useEffect(() => {
    const followHistory = () => setLocation({ pathname: window.location.pathname, payNow: false });
    window.addEventListener('popstate', followHistory);
    return () => window.removeEventListener('popstate', followHistory);
  }, []);

  function showNewOrder(orderId: string) {
    const path = checkoutPath(orderId);
    window.history.pushState(null, '', path);
    setLocation({ pathname: path, payNow: true });
  }

  const route = routeOf(location.pathname);
  const CheckoutPage = useCheckoutPage(route.page === 'checkout');
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        {route.page === 'confirmation' ? (
          <Suspense fallback={<VerifyingNotice />}>
            <ConfirmationPage search={search} />
          </Suspense>
        ) : route.page === 'checkout' ? (
          CheckoutPage ? (
            // eslint-disable-next-line react-hooks/static-components -- one stable function once its chunk has loaded
            <CheckoutPage
              key={route.orderId}
              orderId={route.orderId}
              payNow={location.payNow}
              {...checkoutOptions}
            />
          ) : (
            <Spinner />
          )
        ) : route.page === 'not-found' ? (
          <NotFoundPage />
        ) : (
          <ShopPage onOrderCreated={showNewOrder} />
        )}
      </main>
    </>
  );
}
