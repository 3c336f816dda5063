// The shop as the server put it in the page (server/http/storefront-html.ts): the profile, brand and the
// products on sale, read once at start, so the shop shows without asking the server first.
import type { ShopProfileView, StorefrontView } from '../../server/catalogue/storefront-view';

/** What the components show of the profile (the palette is applied to the stylesheet once, at start). */
export type ShownProfile = Omit<ShopProfileView, 'palette'>;

/** The demo café's profile: what a page without the server's data (tests, the Vite dev server) shows. */
export const DEMO_PROFILE: ShownProfile = {
  name: 'Cà Phê Demo',
  tagline: { vi: 'Thanh toán Web-to-App qua ZaloPay', en: 'A ZaloPay Web-to-App checkout' },
  supportPhone: null,
  supportEmail: null,
  logoUrl: null,
  faviconUrl: null,
};

export function readStorefront(doc: Document = document): StorefrontView | undefined {
  const text = doc.getElementById('storefront')?.textContent;
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<StorefrontView> | null;
    return typeof value?.profile?.name === 'string' && Array.isArray(value.products)
      ? (value as StorefrontView)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The brand's colours as the stylesheet's variables (CSSOM: allowed under the page's CSP). */
export function applyBrand({ palette }: ShopProfileView, root = document.documentElement) {
  root.style.setProperty('--brand', palette.brand);
  root.style.setProperty('--brand-dark', palette.brandDark);
  root.style.setProperty('--on-brand', palette.onBrand);
  root.style.setProperty('--on-brand-dark', palette.onBrandDark);
  root.style.setProperty('--brand-text', palette.brandText);
}
