// Loads the order checkout (order lines, payment, receipt) as its own chunk: the shop's first render does
// not need it, so it is fetched when the shopper presses Pay, or when the page opens on /checkout/{id}.
import { chunkLoader } from '../chunk-loader';

const checkoutPageChunk = chunkLoader(() => import('./checkout-page'));

/** Starts (or reuses) the chunk download; call it as early as the need is known. */
export const loadCheckoutPage = checkoutPageChunk.load;

/** The CheckoutPage component once its chunk has loaded (at once if it already has), else undefined. */
export function useCheckoutPage(wanted: boolean) {
  return checkoutPageChunk.useChunk(wanted)?.CheckoutPage;
}
