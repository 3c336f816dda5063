import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakePayments } from '../testing/fake-payments';
import { renderWithApi } from '../testing/render-with-api';
import { ConfirmationPage } from './confirmation-page';

const CANCELLED_REDIRECT =
  '?appid=2553&apptransid=260115_abc&pmcid=0&bankcode=&amount=125000&discountamount=0&status=-49&checksum=verified';
const DECLINED_REDIRECT =
  '?appid=2553&apptransid=260115_abc&pmcid=38&bankcode=&amount=125000&discountamount=0&status=-59&checksum=verified';

const FORGED_REDIRECT =
  '?appid=2553&apptransid=260115_abc&pmcid=38&bankcode=&amount=125000&discountamount=0&status=1&checksum=forged';

describe('ConfirmationPage', () => {
  it('ignores a forged status=1: the server says PENDING, so it verifies, then says still processing', async () => {
    const payments = new FakePayments();
    payments.seed({ appTransId: '260115_abc', status: 'PENDING' });
    renderWithApi(
      <ConfirmationPage search={FORGED_REDIRECT} pollIntervalMs={40} watchLimitMs={400} />,
      payments,
    );

    expect(screen.getByRole('heading', { name: 'Verifying your payment…' })).toBeInTheDocument();
    await waitFor(() => expect(payments.getStatusCalls).toContain('260115_abc'));
    expect(screen.queryByRole('heading', { name: 'Payment successful' })).not.toBeInTheDocument();

    expect(
      await screen.findByRole('heading', { name: 'Still processing' }, { timeout: 3000 }),
    ).toHaveFocus();
    expect(screen.queryByRole('heading', { name: 'Payment successful' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the shop' })).toHaveAttribute('href', '/');
    expect(payments.reportedRedirects).toEqual([
      expect.objectContaining({ apptransid: '260115_abc', status: '1', checksum: 'forged' }),
    ]);
  });

  it('says "Payment cancelled" for a verified cancel while the order is PENDING, with the reference and ways back, and still shows a later payment', async () => {
    const payments = new FakePayments();
    const { orderId } = payments.seed({ appTransId: '260115_abc', status: 'PENDING' });
    payments.redirectClaim = 'cancelled';
    renderWithApi(<ConfirmationPage search={CANCELLED_REDIRECT} />, payments);
    expect(await screen.findByRole('heading', { name: 'Payment cancelled' })).toHaveFocus();
    expect(
      screen.getByText('You cancelled the payment in ZaloPay, so nothing was charged.'),
    ).toBeInTheDocument();
    expect(screen.getByText(orderId)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open ZaloPay again' })).toHaveAttribute(
      'href',
      expect.stringContaining('/openinapp?order='),
    );
    expect(screen.getByRole('link', { name: 'Return to your order' })).toHaveAttribute(
      'href',
      `/checkout/${orderId}`,
    );

    await waitFor(() => expect(payments.openStreams('260115_abc')).toBe(1));
    payments.transition('260115_abc', 'PAID');
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toHaveFocus();
  });

  it('keeps watching a PENDING order and shows success when the server records the payment', async () => {
    const payments = new FakePayments();
    payments.seed({ appTransId: '260115_abc', status: 'PENDING' });
    renderWithApi(<ConfirmationPage search={FORGED_REDIRECT} />, payments);
    await waitFor(() => expect(payments.openStreams('260115_abc')).toBe(1));
    expect(screen.getByRole('heading', { name: 'Verifying your payment…' })).toBeInTheDocument();

    payments.transition('260115_abc', 'PAID');
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toHaveFocus();
  });

  it('shows the verified success for a PAID order, with the amount in VND', async () => {
    const payments = new FakePayments();
    payments.seed({ appTransId: '260115_paid', status: 'PAID', paidAt: new Date() });
    renderWithApi(<ConfirmationPage search="?apptransid=260115_paid&status=-1" />, payments);
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toHaveFocus();
    expect(screen.getByText(/We received ₫125,000/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Payment successful'));
  });

  it('shows the same receipt as the checkout for the order a PAID attempt belongs to', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder();
    const attempt = await payments.payOrder(order.orderId);
    payments.transition(attempt.appTransId, 'PAID', { method: 'card' });
    renderWithApi(
      <ConfirmationPage search={`?apptransid=${attempt.appTransId}&status=1`} />,
      payments,
    );

    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toHaveFocus();
    expect(screen.getByText(order.orderId)).toBeInTheDocument();
    expect(screen.getByText('Iced milk coffee')).toBeInTheDocument();
    expect(screen.getByText('Card')).toBeInTheDocument();
    expect(screen.getByText('260115000000001')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the ZaloPay transaction ID' })).toBeEnabled();
    expect(screen.getByRole('link', { name: 'Continue shopping' })).toHaveAttribute('href', '/');
    expect(payments.getOrderCalls).toEqual([order.orderId]);
  });

  it('says "Payment not completed" within moments of a verified decline, with the time left, and keeps listening', async () => {
    const payments = new FakePayments();
    payments.seed({ appTransId: '260115_abc', status: 'PENDING' });
    payments.redirectClaim = 'not_completed';
    renderWithApi(<ConfirmationPage search={DECLINED_REDIRECT} />, payments);
    expect(await screen.findByRole('heading', { name: 'Payment not completed' })).toHaveFocus();
    expect(screen.getByText(/Your payment was declined/)).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent(/You can still pay for 1[0-5]:\d\d/);
    expect(screen.getByRole('link', { name: 'Try again in ZaloPay' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Choose another way to pay' })).toBeInTheDocument();

    await waitFor(() => expect(payments.openStreams('260115_abc')).toBe(1));
    payments.transition('260115_abc', 'PAID');
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toHaveFocus();
  });

  it('does not read an unverified status=-59: it verifies instead', async () => {
    const payments = new FakePayments();
    payments.seed({ appTransId: '260115_abc', status: 'PENDING' });
    renderWithApi(<ConfirmationPage search={DECLINED_REDIRECT} />, payments);
    await waitFor(() => expect(payments.reportedRedirects).toHaveLength(1));
    expect(screen.getByRole('heading', { name: 'Verifying your payment…' })).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Payment not completed' }),
    ).not.toBeInTheDocument();
  });

  it('shows a failed payment in its own words, never the server\'s English reason, with "Pay again"', async () => {
    const payments = new FakePayments();
    payments.seed({
      appTransId: '260115_failed',
      status: 'FAILED',
      reason: 'The payment was cancelled in ZaloPay.',
    });
    renderWithApi(<ConfirmationPage search="?apptransid=260115_failed&status=1" />, payments);
    expect(await screen.findByRole('heading', { name: 'Payment not completed' })).toHaveFocus();
    expect(screen.queryByText(/cancelled in ZaloPay/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay again' })).toBeEnabled();
  });

  it('says the order reference is missing when there is no apptransid, without calling the server', async () => {
    const payments = new FakePayments();
    renderWithApi(<ConfirmationPage search="?status=1" />, payments);
    expect(screen.getByRole('heading', { name: 'Missing order reference' })).toHaveFocus();
    expect(payments.getStatusCalls).toEqual([]);
  });

  it('says the order is not found when the server answers NOT_FOUND', async () => {
    const payments = new FakePayments();
    renderWithApi(<ConfirmationPage search="?apptransid=260115_nobody&status=1" />, payments);
    expect(await screen.findByRole('heading', { name: 'Order not found' })).toHaveFocus();
    expect(payments.getStatusCalls).toEqual(['260115_nobody']);
    expect(screen.queryByRole('heading', { name: 'Payment successful' })).not.toBeInTheDocument();
  });
});
