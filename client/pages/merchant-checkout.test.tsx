// The hosted checkout of an order made through the merchant API: "Cancel and return" to the
// merchant's cancel_url while unpaid, "Return to <shop>" to its return_url once paid, and an expired
// order says so with the way back to the merchant, never a Pay button.
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MerchantCheckoutView } from '../../server/payments/status/order-view';
import { FakePayments } from '../testing/fake-payments';
import { renderWithApi } from '../testing/render-with-api';
import { CheckoutPage } from './checkout-page';

function merchantOf(overrides: Partial<MerchantCheckoutView> = {}): MerchantCheckoutView {
  return {
    shopName: 'shop.example',
    returnUrl: 'https://shop.example/thanks?order_id=TESTORDER1',
    cancelUrl: 'https://shop.example/cart?order_id=TESTORDER1',
    expiresAt: new Date(Date.now() + 900_000),
    expired: false,
    ...overrides,
  };
}

function renderCheckout(payments: FakePayments, orderId: string) {
  return renderWithApi(
    <CheckoutPage initialMode="qr" openUrl={vi.fn()} orderId={orderId} />,
    payments,
  );
}

describe('CheckoutPage of a merchant API order', () => {
  it('while unpaid, offers Pay and "Cancel and return" to the cancel_url', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder({ merchant: merchantOf() });
    renderCheckout(payments, order.orderId);

    expect(await screen.findByRole('button', { name: 'Pay with ZaloPay' })).toBeEnabled();
    expect(screen.getByRole('link', { name: 'Cancel and return to shop.example' })).toHaveAttribute(
      'href',
      'https://shop.example/cart?order_id=TESTORDER1',
    );
  });

  it('once paid, shows the receipt with "Return to <shop>" to the return_url, no shop of ours', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder({ status: 'PAID', merchant: merchantOf() });
    renderCheckout(payments, order.orderId);

    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Return to shop.example' })).toHaveAttribute(
      'href',
      'https://shop.example/thanks?order_id=TESTORDER1',
    );
    expect(screen.queryByRole('link', { name: 'Continue shopping' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Cancel and return/ })).not.toBeInTheDocument();
  });

  it('an expired order says so, with the way back to the merchant and no Pay button', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder({ merchant: merchantOf({ expired: true }) });
    renderCheckout(payments, order.orderId);

    expect(await screen.findByRole('heading', { name: 'This order has expired' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Return to shop.example' })).toHaveAttribute(
      'href',
      'https://shop.example/cart?order_id=TESTORDER1',
    );
    expect(screen.queryByRole('button', { name: 'Pay with ZaloPay' })).not.toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([]);
  });

  it('a cancelled order sends the shopper back to the merchant', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder({ status: 'CANCELLED', merchant: merchantOf() });
    renderCheckout(payments, order.orderId);

    expect(await screen.findByRole('heading', { name: 'Order cancelled' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Return to shop.example' })).toBeInTheDocument();
  });
});
