import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakePayments } from '../testing/fake-payments';
import { renderWithApi } from '../testing/render-with-api';
import { PaymentQrTabs } from './payment-qr-tabs';

const ORDER_URL = 'https://qcgateway.zalopay.vn/openinapp?order=abc';
const VIETQR = '00020101021226530010vn.zalopay6304ABCD';

describe('PaymentQrTabs', () => {
  it('shows the ZaloPay app code first, and the VietQR code with its marks in the second tab', async () => {
    const user = userEvent.setup();
    renderWithApi(
      <PaymentQrTabs orderUrl={ORDER_URL} qrCode={VIETQR} amount={125_000} appTransId="a_1" />,
      new FakePayments(),
    );
    const zaloPay = screen.getByRole('tab', { name: 'ZaloPay app' });
    const vietQr = screen.getByRole('tab', { name: 'ZaloPay or any banking app (VietQR)' });
    expect(zaloPay).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();

    await user.click(vietQr);
    expect(vietQr).toHaveAttribute('aria-selected', 'true');
    expect(
      screen.getByRole('img', { name: 'VietQR code for ZaloPay and banking apps' }),
    ).toBeInTheDocument();
    expect(screen.getByText('NAPAS 247 · VietQR')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'ZaloPay QR code' })).not.toBeInTheDocument();

    await user.keyboard('{ArrowLeft}');
    expect(zaloPay).toHaveFocus();
    expect(zaloPay).toHaveAttribute('aria-selected', 'true');
  });

  it('needs no tabs when ZaloPay gave no VietQR code', () => {
    renderWithApi(
      <PaymentQrTabs orderUrl={ORDER_URL} qrCode={null} amount={125_000} appTransId="a_1" />,
      new FakePayments(),
    );
    expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
  });
});
