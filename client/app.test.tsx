import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './app';
import { FakePayments } from './testing/fake-payments';
import { renderWithApi } from './testing/render-with-api';

describe('App', () => {
  it('shows the checkout at /', () => {
    renderWithApi(<App pathname="/" search="" />);
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeInTheDocument();
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

  it('switches to Vietnamese, sets <html lang>, and remembers the choice', async () => {
    const { user } = renderWithApi(<App pathname="/" search="" />);
    await user.selectOptions(screen.getByLabelText('Language'), 'Tiếng Việt');

    expect(screen.getByRole('button', { name: 'Thanh toán bằng ZaloPay' })).toBeInTheDocument();
    expect(screen.getByText(/^125\.000\s₫$/)).toBeInTheDocument();
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
