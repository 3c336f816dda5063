// The shop as the server put it in the page (server/http/storefront-html.ts): the profile, brand and the
// products on sale, read once at start, so the shop shows without asking the server first.
import type { ShopProfileView, StorefrontView } from '../../server/catalogue/storefront-view';

/** The demo café's profile: what a page without the server's data (tests, the Vite dev server) shows. */
export const DEMO_PROFILE: ShopProfileView = {
  name: 'Cà Phê Demo',
  tagline: { vi: 'Thanh toán Web-to-App qua ZaloPay', en: 'A ZaloPay Web-to-App checkout' },
  supportPhone: null,
  supportEmail: null,
  logoUrl: null,
  faviconUrl: null,
  palette: {
    brand: '#0050c8',
    onBrand: '#ffffff',
    brandDark: '#003b94',
    onBrandDark: '#ffffff',
    brandText: '#0050c8',
  },
};

function isStorefront(value: unknown): value is StorefrontView {
  const view = value as Partial<StorefrontView> | null;
  return (
    typeof view === 'object' &&
    view !== null &&
    typeof view.profile?.name === 'string' &&
    Array.isArray(view.products)
  );
}

export function readStorefront(doc: Document = document): StorefrontView | undefined {
  const text = doc.getElementById('storefront')?.textContent;
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isStorefront(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const HEX = /^#[0-9a-f]{6}$/;

/** The brand's colours as the stylesheet's variables (CSSOM: allowed under the page's CSP). */
export function applyBrand(profile: ShopProfileView, root: HTMLElement = document.documentElement) {
  const { palette } = profile;
  const variables: Record<string, string> = {
    '--brand': palette.brand,
    '--brand-dark': palette.brandDark,
    '--on-brand': palette.onBrand,
    '--on-brand-dark': palette.onBrandDark,
    '--brand-text': palette.brandText,
  };
  for (const [name, value] of Object.entries(variables)) {
    if (HEX.test(value)) root.style.setProperty(name, value);
  }
}
