// What the shop's page is given with its HTML (server/http/storefront-html.ts): the shop's profile and
// brand and the products on sale. The client imports these types only.
import type { LocalisedName, ProductView } from '../payments/status/order-view';
import type { BrandPalette } from './brand-colour';

export interface ShopProfileView {
  name: string;
  tagline: LocalisedName;
  supportPhone: string | null;
  supportEmail: string | null;
  logoUrl: string | null;
  faviconUrl: string | null;
  palette: BrandPalette;
}

export interface StorefrontView {
  /** Goes up with every change in /ops, the CSV import or the merchant API. */
  version: number;
  profile: ShopProfileView;
  products: ProductView[];
}
