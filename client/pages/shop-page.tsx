// The shop at /: the server's catalogue as a cart with quantities the shopper can change, the subtotal at
// the catalogue's prices, and "Pay with ZaloPay", which creates a merchant order from skus and quantities
// (the server prices it; the browser never sends an amount) and moves to that order's checkout.
import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Announce } from '../a11y/live-announcer';
import { badRequestDetail } from '../api-error';
import { orderLines, type CartQuantities } from '../cart/cart-quantities';
import { CartEditor } from '../components/cart-editor';
import { Spinner } from '../components/spinner';
import { loadWebToAppStep } from '../components/use-web-to-app-step';
import { useI18n } from '../i18n/language-context';
import { useTRPC } from '../trpc';
import { useInitialProducts } from '../storefront/shop-profile-context';

/** How long the products the page came with count as fresh before the shop asks again. */
const INLINE_PRODUCTS_FRESH_MS = 30_000;
import { loadCheckoutPage } from './use-checkout-page';

interface ShopPageProps {
  /** The order exists (and is in the query cache): show its checkout and ask for its payment. */
  onOrderCreated: (orderId: string) => void;
}

export function ShopPage({ onOrderCreated }: ShopPageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { messages } = useI18n();
  const initialProducts = useInitialProducts();
  const catalogue = useQuery(
    trpc.listProducts.queryOptions(undefined, {
      ...(initialProducts && {
        initialData: { products: initialProducts },
        staleTime: INLINE_PRODUCTS_FRESH_MS,
      }),
    }),
  );
  // A new visit starts with an empty cart: the shopper chooses what to buy.
  const [quantities, setQuantities] = useState<CartQuantities>({});
  const requestInFlight = useRef(false);

  const createOrder = useMutation(
    trpc.createOrder.mutationOptions({
      onSuccess: (order) => {
        queryClient.setQueryData(trpc.getOrder.queryKey({ orderId: order.orderId }), order);
        onOrderCreated(order.orderId);
      },
    }),
  );

  const products = catalogue.data?.products ?? [];
  const lines = orderLines(products, quantities);

  function placeOrder() {
    if (requestInFlight.current || lines.length === 0) return;
    requestInFlight.current = true;
    void loadCheckoutPage();
    void loadWebToAppStep();
    createOrder.mutate(
      { lines },
      {
        onSettled: () => {
          requestInFlight.current = false;
        },
      },
    );
  }

  const error = createOrder.error;
  const detail = error && badRequestDetail(error);
  const errorMessage = detail ? messages.checkDetails(detail) : messages.createFailed;
  const creating = createOrder.isPending;

  return (
    <div className="checkout">
      <section className="checkout__order" aria-labelledby="checkout-heading">
        <h1 id="checkout-heading">{messages.cartHeading}</h1>
        {catalogue.data ? (
          <CartEditor
            products={products}
            quantities={quantities}
            onQuantityChange={(sku, quantity) =>
              setQuantities((previous) => ({ ...previous, [sku]: quantity }))
            }
          />
        ) : catalogue.error ? (
          <div className="error-box">
            <Announce message={messages.menuFailed} />
            <p>{messages.menuFailed}</p>
            <button type="button" onClick={() => void catalogue.refetch()}>
              {messages.tryAgain}
            </button>
          </div>
        ) : (
          <p className="progress">
            <Spinner />
            {messages.loadingMenu}
          </p>
        )}
      </section>
      <div className="checkout__payment">
        {error && (
          <div className="error-box">
            <Announce message={errorMessage} />
            <p>{errorMessage}</p>
          </div>
        )}
        {catalogue.data && lines.length === 0 && <p className="note">{messages.cartEmpty}</p>}
        <button
          type="button"
          className="pay-button"
          onClick={placeOrder}
          disabled={creating || lines.length === 0}
          aria-describedby={creating ? 'creating-order' : undefined}
        >
          {error ? messages.tryAgain : messages.payButton}
        </button>
        {creating && (
          <p className="progress" id="creating-order">
            <Announce message={messages.creatingOrder} />
            <Spinner />
            {messages.creatingOrder}
          </p>
        )}
      </div>
    </div>
  );
}
