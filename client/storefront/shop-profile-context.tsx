// The shop's profile for every component (header, QR panel, receipt, failure pages), and the products the
// page came with, so the shop's first render needs no request.
import { createContext, useContext, type ReactNode } from 'react';
import type { ProductView } from '../../server/payments/status/order-view';
import { DEMO_PROFILE, type ShownProfile } from './storefront-data';

interface StorefrontContextValue {
  profile: ShownProfile;
  /** The products on sale when the page was served; undefined: ask the server. */
  initialProducts: ProductView[] | undefined;
}

const StorefrontContext = createContext<StorefrontContextValue>({
  profile: DEMO_PROFILE,
  initialProducts: undefined,
});

export function StorefrontProvider({
  profile = DEMO_PROFILE,
  initialProducts,
  children,
}: {
  profile?: ShownProfile | undefined;
  initialProducts?: ProductView[] | undefined;
  children: ReactNode;
}) {
  return (
    <StorefrontContext.Provider value={{ profile, initialProducts }}>
      {children}
    </StorefrontContext.Provider>
  );
}

export const useShopProfile = () => useContext(StorefrontContext).profile;
export const useInitialProducts = () => useContext(StorefrontContext).initialProducts;
