// The whole app: a header and one of two pages chosen by the path. Two routes do not need a router library.
// The confirmation page is its own chunk: shoppers on the checkout never download it.
import { lazy, Suspense } from 'react';
import { CheckoutPage } from './pages/checkout-page';
import { SiteHeader } from './components/site-header';
import { VerifyingNotice } from './components/verifying-notice';

const ConfirmationPage = lazy(() =>
  import('./pages/confirmation-page').then((module) => ({ default: module.ConfirmationPage })),
);

/** Where ZaloPay's redirect (embed_data.redirecturl) brings the shopper back. */
export const CONFIRMATION_PATH = '/order/confirmation';

interface AppProps {
  pathname?: string;
  search?: string;
}

export function App({
  pathname = window.location.pathname,
  search = window.location.search,
}: AppProps) {
  const onConfirmationPage = pathname.replace(/\/+$/, '') === CONFIRMATION_PATH;
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        {onConfirmationPage ? (
          <Suspense fallback={<VerifyingNotice />}>
            <ConfirmationPage search={search} />
          </Suspense>
        ) : (
          <CheckoutPage />
        )}
      </main>
    </>
  );
}
