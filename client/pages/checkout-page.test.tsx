import { screen, waitFor, within } from '@testing-library/react';
import { TRPCError } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import { createPaymentInput } from '../../server/trpc/router';
import { FakePayments } from '../testing/fake-payments';
import { renderWithApi } from '../testing/render-with-api';
import { CheckoutPage } from './checkout-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function renderCheckout(payments = new FakePayments(), props: { pollIntervalMs?: number } = {}) {
  const openUrl = vi.fn();
  const rendered = renderWithApi(
    <CheckoutPage initialMode="qr" openUrl={openUrl} {...props} />,
    payments,
  );
  return { ...rendered, openUrl };
}

async function payAndWaitForQr(view: ReturnType<typeof renderCheckout>) {
  await view.user.click(screen.getByRole('button', { name: 'Pay with ZaloPay' }));
  return screen.findByRole('img', { name: 'ZaloPay QR code' });
}

describe('CheckoutPage', () => {
  it('shows the cart total in VND and a Pay with ZaloPay button', () => {
    renderCheckout();
    expect(screen.getByRole('heading', { name: 'Your order' })).toBeInTheDocument();
    expect(screen.getByText('₫125,000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeEnabled();
  });

  it('locks the button while the order is created, so a double click makes ONE order', async () => {
    const payments = new FakePayments();
    let release = () => {};
    payments.createGate = new Promise<void>((resolve) => (release = resolve));
    const view = renderCheckout(payments);

    await view.user.dblClick(screen.getByRole('button', { name: 'Pay with ZaloPay' }));
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Creating your ZaloPay order…');

    release();
    const qr = await screen.findByRole('img', { name: 'ZaloPay QR code' });
    expect(qr.querySelector('svg')).not.toBeNull();
    expect(payments.createCalls).toHaveLength(1);
    expect(payments.createCalls[0]).toMatchObject({ amount: 125_000 });
    expect(payments.createCalls[0]?.idempotencyKey).toMatch(UUID);
  });

  it('shows the QR step: amount, scanning steps, countdown and the manual switch', async () => {
    const view = renderCheckout();
    const qr = await payAndWaitForQr(view);
    expect(Number(qr.querySelector('svg')?.getAttribute('width'))).toBeGreaterThanOrEqual(240);
    const step = screen
      .getByRole('heading', { name: 'Scan to pay with ZaloPay' })
      .closest('section');
    expect(step).not.toBeNull();
    const inStep = within(step as HTMLElement);
    expect(inStep.getByText('₫125,000')).toBeInTheDocument();
    expect(inStep.getByText(/Open the ZaloPay app/)).toBeInTheDocument();
    expect(inStep.getByRole('timer')).toHaveTextContent(/This code expires in 1[45]:\d\d/);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Waiting for your payment'),
    );

    await view.user.click(screen.getByRole('button', { name: 'Open ZaloPay on this device' }));
    expect(view.openUrl).toHaveBeenCalledWith(
      'https://qcgateway.zalopay.vn/openinapp?order=token1',
    );
    await view.user.click(screen.getByRole('button', { name: 'Show QR code instead' }));
    expect(screen.getByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
  });

  it('redirects at once to order_url on a phone, and can still show the QR code', async () => {
    const payments = new FakePayments();
    const openUrl = vi.fn();
    const view = renderWithApi(<CheckoutPage initialMode="redirect" openUrl={openUrl} />, payments);
    await view.user.click(screen.getByRole('button', { name: 'Pay with ZaloPay' }));
    await waitFor(() =>
      expect(openUrl).toHaveBeenCalledWith('https://qcgateway.zalopay.vn/openinapp?order=token1'),
    );
    expect(openUrl).toHaveBeenCalledTimes(1);
    await view.user.click(await screen.findByRole('button', { name: 'Show QR code instead' }));
    expect(screen.getByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
  });

  it('on a server error, says so kindly and "Try again" creates the order', async () => {
    const payments = new FakePayments();
    payments.createFailures.push(
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'ZaloPay timed out' }),
    );
    const view = renderCheckout(payments);
    await view.user.click(screen.getByRole('button', { name: 'Pay with ZaloPay' }));
    expect(
      await screen.findByText(/We could not start the payment/, { selector: '.error-box p' }),
    ).toBeVisible();
    expect(screen.queryByText(/ZaloPay timed out/)).not.toBeInTheDocument();

    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
    expect(payments.createCalls).toHaveLength(2);
    expect(payments.createCalls[1]?.idempotencyKey).not.toBe(
      payments.createCalls[0]?.idempotencyKey,
    );
  });

  it('on BAD_REQUEST, shows the server message about the field', async () => {
    const payments = new FakePayments();
    const invalid = createPaymentInput.safeParse({ amount: 12.5, description: 'x' });
    payments.createFailures.push(new TRPCError({ code: 'BAD_REQUEST', cause: invalid.error }));
    const view = renderCheckout(payments);
    await view.user.click(screen.getByRole('button', { name: 'Pay with ZaloPay' }));
    expect(
      await screen.findByText('Please check the order: amount must be a whole number of VND', {
        selector: '.error-box p',
      }),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
  });

  it('shows success without a reload when the subscription pushes PAID', async () => {
    const payments = new FakePayments();
    const view = renderCheckout(payments);
    await payAndWaitForQr(view);
    await waitFor(() => expect(payments.openStreams('260115_test1')).toBe(1));

    payments.transition('260115_test1', 'PAID');
    const heading = await screen.findByRole('heading', { name: 'Payment successful' });
    expect(heading).toHaveFocus();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Payment successful'));
    expect(screen.queryByRole('img', { name: 'ZaloPay QR code' })).not.toBeInTheDocument();
    await waitFor(() => expect(payments.openStreams('260115_test1')).toBe(0));
  });

  it('falls back to polling getStatus when the stream delivers nothing, and stops once PAID', async () => {
    const payments = new FakePayments();
    payments.streamSilent = true;
    const view = renderCheckout(payments, { pollIntervalMs: 40 });
    await payAndWaitForQr(view);

    payments.transition('260115_test1', 'PAID', { quietly: true });
    expect(
      await screen.findByRole('heading', { name: 'Payment successful' }, { timeout: 3000 }),
    ).toBeInTheDocument();
    const callsWhenPaid = payments.getStatusCalls.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(payments.getStatusCalls.length).toBe(callsWhenPaid);
  });

  it('when the server says FAILED, shows the reason and "Try again" starts a new order', async () => {
    const payments = new FakePayments();
    const view = renderCheckout(payments);
    await payAndWaitForQr(view);
    await waitFor(() => expect(payments.openStreams('260115_test1')).toBe(1));

    payments.transition('260115_test1', 'FAILED', { reason: 'The wallet balance is too low.' });
    expect(await screen.findByRole('heading', { name: 'Payment failed' })).toHaveFocus();
    expect(screen.getByText(/The wallet balance is too low/)).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
    expect(payments.createCalls).toHaveLength(2);
  });

  it('when the server says EXPIRED, "New QR code" creates a NEW order', async () => {
    const payments = new FakePayments();
    const view = renderCheckout(payments);
    await payAndWaitForQr(view);
    await waitFor(() => expect(payments.openStreams('260115_test1')).toBe(1));

    payments.transition('260115_test1', 'EXPIRED');
    await view.user.click(await screen.findByRole('button', { name: 'New QR code' }));
    expect(await screen.findByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
    expect(payments.createCalls).toHaveLength(2);
    await waitFor(() => expect(payments.openStreams('260115_test2')).toBe(1));
  });

  it('when the countdown runs out, offers a new QR code', async () => {
    const payments = new FakePayments();
    payments.orderLifetimeMs = 1_200;
    const view = renderCheckout(payments);
    await payAndWaitForQr(view);
    expect(
      await screen.findByRole('heading', { name: 'Payment expired' }, { timeout: 4000 }),
    ).toHaveFocus();
    payments.orderLifetimeMs = 15 * 60_000;
    await view.user.click(screen.getByRole('button', { name: 'New QR code' }));
    expect(await screen.findByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
    expect(payments.createCalls).toHaveLength(2);
  });
});
