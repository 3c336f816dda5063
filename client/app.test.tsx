import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { FakePayments } from './testing/fake-payments';
import { renderWithApi } from './testing/render-with-api';

describe('App', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('shows the shop at / with an empty cart, and the shop name from its profile', async () => {
    renderWithApi(<App pathname="/" search="" />);
    expect(await screen.findByText('Iced milk coffee')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cà Phê Demo' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeDisabled();
  });

  it('Pay creates the order, moves to /checkout/{orderId} and shows its QR with the server total', async () => {
    const payments = new FakePayments();
    const { user } = renderWithApi(
      <App pathname="/" search="" checkoutOptions={{ initialMode: 'qr', openUrl: vi.fn() }} />,
      payments,
    );
    await user.click(await screen.findByRole('button', { name: 'Add one Bánh mì' }));
    await user.click(screen.getByRole('button', { name: 'Add one Iced milk coffee' }));
    await user.click(screen.getByRole('button', { name: 'Pay with ZaloPay' }));

    expect(await screen.findByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/checkout/TESTORDER1');
    expect(payments.createOrderCalls).toHaveLength(1);
    expect(payments.payOrderCalls).toEqual(['TESTORDER1']);
    expect(screen.getByText(/Amount to pay/).closest('.qr-panel__amount')).toHaveTextContent(
      '₫65,000',
    );
  });

  it('Back from a checkout returns to the shop with a cart', async () => {
    const payments = new FakePayments();
    const { user } = renderWithApi(
      <App pathname="/" search="" checkoutOptions={{ initialMode: 'qr', openUrl: vi.fn() }} />,
      payments,
    );
    await user.click(await screen.findByRole('button', { name: 'Add one Bánh mì' }));
    await user.click(screen.getByRole('button', { name: 'Pay with ZaloPay' }));
    await screen.findByRole('img', { name: 'ZaloPay QR code' });
    window.history.back();
    expect(await screen.findByLabelText('Quantity of Iced milk coffee')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
  });

  it('shows the receipt of a paid order at /checkout/{orderId}', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder({ status: 'PAID' });
    renderWithApi(<App pathname={`/checkout/${order.orderId}`} search="" />, payments);
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pay with ZaloPay' })).not.toBeInTheDocument();
  });

  it('shows the confirmation page at /order/confirmation and verifies with the server', async () => {
    const payments = new FakePayments();
    payments.seed({ appTransId: '260115_paid', status: 'PAID' });
    renderWithApi(
      <App pathname="/order/confirmation" search="?apptransid=260115_paid&status=1" />,
      payments,
    );
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
  });

  it('switches to Vietnamese, names the products in Vietnamese, sets <html lang>, and remembers the choice', async () => {
    const { user } = renderWithApi(<App pathname="/" search="" />);
    await user.click(await screen.findByRole('button', { name: 'Add one Iced milk coffee' }));
    await user.click(screen.getByRole('button', { name: 'Add one Bánh mì' }));
    await user.click(screen.getByRole('button', { name: 'Add one Crème caramel' }));
    await user.selectOptions(screen.getByLabelText('Language'), 'Tiếng Việt');

    expect(screen.getByRole('button', { name: 'Thanh toán bằng ZaloPay' })).toBeInTheDocument();
    expect(screen.getByText('Cà phê sữa đá')).toBeInTheDocument();
    expect(screen.getByText(/^90\.000\s₫$/)).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.lang).toBe('vi'));
    expect(window.localStorage.getItem('checkout.language')).toBe('vi');
    expect(screen.getByRole('combobox', { name: /Language/ })).toHaveValue('vi');
  });

  it('starts in the language remembered from an earlier visit', () => {
    window.localStorage.setItem('checkout.language', 'vi');
    renderWithApi(<App pathname="/" search="" />);
    expect(screen.getByRole('button', { name: 'Thanh toán bằng ZaloPay' })).toBeInTheDocument();
  });
});
