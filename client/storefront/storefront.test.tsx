// The shop the page came with: read from its JSON data block (garbage ignored), shown without asking the
// server for the products, the merchant's name, tagline, logo and support contact in every place, and
// everything an operator typed shown as text, never as markup.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StorefrontView } from '../../server/catalogue/storefront-view';
import { App } from '../app';
import { Receipt } from '../components/receipt';
import { FakePayments } from '../testing/fake-payments';
import { renderWithApi } from '../testing/render-with-api';
import { jsonForScript } from '../../server/http/storefront-html';
import { applyBrand, DEMO_PROFILE, readStorefront } from './storefront-data';

const HOSTILE = `<img src=x onerror="alert(1)"></script><script>alert(2)</script>`;

const STOREFRONT: StorefrontView = {
  version: 7,
  profile: {
    ...DEMO_PROFILE,
    name: `Trà Sữa ${HOSTILE}`,
    tagline: { vi: `Ngon ${HOSTILE}`, en: `Tasty ${HOSTILE}` },
    supportPhone: '+84 28 1234 5678',
    supportEmail: 'help@tra.example',
    logoUrl: '/media/abc',
    palette: {
      brand: '#ffd84d',
      onBrand: '#000000',
      brandDark: '#ccad3e',
      onBrandDark: '#000000',
      brandText: '#7a6200',
    },
  },
  products: [
    {
      sku: 'tra-sua',
      name: { vi: `Trà sữa ${HOSTILE}`, en: `Milk tea ${HOSTILE}` },
      unitPrice: 45_000,
      description: { vi: 'Trân châu', en: `Pearls ${HOSTILE}` },
      imageUrl: '/media/def',
    },
  ],
};

describe('the storefront in the page', () => {
  it('reads the JSON data block, and ignores one that is missing or not a storefront', () => {
    document.body.innerHTML = `<script type="application/json" id="storefront">${jsonForScript(STOREFRONT)}</script>`;
    expect(readStorefront()).toEqual(STOREFRONT);
    expect(document.querySelectorAll('script')).toHaveLength(1);
    document.body.innerHTML = `<script type="application/json" id="storefront">{"profile":1}</script>`;
    expect(readStorefront()).toBeUndefined();
    document.body.innerHTML = `<script type="application/json" id="storefront">{nope</script>`;
    expect(readStorefront()).toBeUndefined();
    document.body.innerHTML = '';
    expect(readStorefront()).toBeUndefined();
  });

  it('sets the brand colours as the stylesheet variables', () => {
    applyBrand(STOREFRONT.profile);
    expect(document.documentElement.style.getPropertyValue('--brand')).toBe('#ffd84d');
    expect(document.documentElement.style.getPropertyValue('--on-brand')).toBe('#000000');
  });

  it('shows the shop from the page, products included, without asking the server, every text as text', async () => {
    const payments = new FakePayments();
    const listProducts = vi.spyOn(payments, 'listProducts');
    const { container } = renderWithApi(<App pathname="/" search="" />, payments, STOREFRONT);
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('link')).toHaveTextContent(STOREFRONT.profile.name);
    expect(within(header).getByText(STOREFRONT.profile.tagline.en)).toBeInTheDocument();
    expect(header.querySelector('img.brand__logo')).toHaveAttribute('src', '/media/abc');
    expect(screen.getByText(`Milk tea ${HOSTILE}`)).toBeInTheDocument();
    expect(screen.getByText(`Pearls ${HOSTILE}`)).toBeInTheDocument();
    const image = container.querySelector('img.cart__image');
    expect(image).toHaveAttribute('width', '56');
    expect(image).toHaveAttribute('height', '56');
    expect(container.querySelectorAll('script')).toHaveLength(0);
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(listProducts).not.toHaveBeenCalled();
  });

  it('puts the shop support contact on the receipt', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder({ status: 'PAID' });
    const view = await payments.getOrder(order.orderId);
    if (!view?.receipt) throw new Error('a paid order has a receipt');
    renderWithApi(
      <Receipt order={view} receipt={view.receipt} headingLevel={1} />,
      payments,
      STOREFRONT,
    );
    expect(screen.getByRole('link', { name: '+84 28 1234 5678' })).toHaveAttribute(
      'href',
      'tel:+842812345678',
    );
    expect(screen.getByRole('link', { name: 'help@tra.example' })).toHaveAttribute(
      'href',
      'mailto:help@tra.example',
    );
  });
});
