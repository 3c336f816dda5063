import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GatewayUnavailableError, InvalidPaymentInputError } from '../../server/payments/errors';
import type { DeviceMode } from '../device-mode';
import { FakePayments } from '../testing/fake-payments';
import { renderWithApi } from '../testing/render-with-api';
import { CheckoutPage } from './checkout-page';

interface CheckoutOptions {
  orderId: string;
  payNow?: boolean;
  mode?: DeviceMode;
  pollIntervalMs?: number;
}

function renderCheckout(payments: FakePayments, options: CheckoutOptions) {
  const openUrl = vi.fn();
  const { mode = 'qr', ...props } = options;
  const rendered = renderWithApi(
    <CheckoutPage initialMode={mode} openUrl={openUrl} {...props} />,
    payments,
  );
  return { ...rendered, openUrl };
}

/** A fresh order of the demo cart (125,000 VND) whose checkout was opened by pressing Pay in the shop. */
function renderNewOrderCheckout(
  payments = new FakePayments(),
  options: Partial<CheckoutOptions> = {},
) {
  const order = payments.seedOrder();
  return {
    ...renderCheckout(payments, { orderId: order.orderId, payNow: true, ...options }),
    order,
  };
}

function qrCode() {
  return screen.findByRole('img', { name: 'ZaloPay QR code' });
}

/** The QR's drawing: the same order_url draws the same modules. */
async function qrDrawing(): Promise<string> {
  const svg = (await qrCode()).querySelector('svg');
  expect(svg).not.toBeNull();
  return svg?.innerHTML ?? '';
}

describe('CheckoutPage', () => {
  it('shows an unpaid order: its reference, the server-priced lines and total, and a Pay button', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder();
    renderCheckout(payments, { orderId: order.orderId });

    expect(await screen.findByRole('heading', { name: 'Your order' })).toBeInTheDocument();
    expect(screen.getByText(order.orderId)).toBeInTheDocument();
    expect(screen.getByText('Iced milk coffee')).toBeInTheDocument();
    expect(screen.getByText('2 × ₫35,000')).toBeInTheDocument();
    expect(screen.getByText('₫70,000')).toBeInTheDocument();
    expect(screen.getByText('₫125,000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeEnabled();
    expect(payments.payOrderCalls).toEqual([]);
  });

  it('locks Pay while the payment is created, so a double click asks ONCE, by order id', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder();
    let release = () => {};
    payments.payOrderGate = new Promise<void>((resolve) => (release = resolve));
    const view = renderCheckout(payments, { orderId: order.orderId });

    await view.user.dblClick(await screen.findByRole('button', { name: 'Pay with ZaloPay' }));
    expect(screen.getByRole('button', { name: 'Pay with ZaloPay' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Creating your ZaloPay order…');

    release();
    expect(await qrCode()).toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([order.orderId]);
  });

  it('while its create is in flight, an order read that holds the attempt without its link yet still says "creating", then shows the QR', async () => {
    const payments = new FakePayments();
    let release = () => {};
    payments.payOrderGate = new Promise<void>((resolve) => (release = resolve));
    const { order, queryClient } = renderNewOrderCheckout(payments);
    await waitFor(() => expect(payments.payOrderCalls).toEqual([order.orderId]));

    // The server stores the attempt before ZaloPay answers, and the page reads the order meanwhile.
    payments.attemptAwaitingGateway(order.orderId);
    await act(() => queryClient.refetchQueries({ type: 'active' }));
    expect(payments.getOrderCalls).toHaveLength(2);
    // TanStack Query tells its observers on a timer: let the page render what it read.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.getByRole('status')).toHaveTextContent('Creating your ZaloPay order…');
    expect(screen.queryByText(/We could not start the payment/)).not.toBeInTheDocument();

    release();
    expect(await qrCode()).toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([order.orderId]);
  });

  it('asks for the payment at once after Pay in the shop, and shows the server total on the QR step', async () => {
    const payments = new FakePayments();
    const view = renderNewOrderCheckout(payments);
    const qr = await qrCode();
    expect(Number(qr.querySelector('svg')?.getAttribute('width'))).toBeGreaterThanOrEqual(240);
    expect(payments.payOrderCalls).toEqual([view.order.orderId]);

    expect(screen.getByRole('heading', { name: 'Scan to pay with ZaloPay' })).toHaveFocus();
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
      `https://qcgateway.zalopay.vn/openinapp?order=${view.order.orderId}-1`,
    );
    await view.user.click(screen.getByRole('button', { name: 'Show QR code instead' }));
    expect(screen.getByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
  });

  it('on a phone, sends the shopper to order_url once after Pay, and can still show the QR code', async () => {
    const view = renderNewOrderCheckout(new FakePayments(), { mode: 'redirect' });
    await waitFor(() =>
      expect(view.openUrl).toHaveBeenCalledWith(
        `https://qcgateway.zalopay.vn/openinapp?order=${view.order.orderId}-1`,
      ),
    );
    expect(view.openUrl).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { name: 'Opening the ZaloPay app…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy payment link' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ZaloPay on Google Play' })).toHaveAttribute(
      'href',
      'https://play.google.com/store/apps/details?id=vn.com.vng.zalopay',
    );
    expect(screen.getByRole('link', { name: 'ZaloPay on the App Store' })).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Show QR code instead' }));
    expect(screen.getByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Scan to pay with ZaloPay' })).toHaveFocus();
  });

  it('a reload with a live attempt shows the same QR code and the countdown where it was, without a new attempt', async () => {
    const payments = new FakePayments();
    payments.orderLifetimeMs = 5 * 60_000;
    const first = renderNewOrderCheckout(payments);
    const before = await qrDrawing();
    first.unmount();

    renderCheckout(payments, { orderId: first.order.orderId });
    const after = await qrDrawing();
    expect(after).toBe(before);
    expect(screen.getByRole('timer')).toHaveTextContent(/This code expires in [45]:\d\d/);
    expect(payments.payOrderCalls).toEqual([first.order.orderId]);
    expect(screen.queryByRole('button', { name: 'Pay with ZaloPay' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Scan to pay with ZaloPay' })).not.toHaveFocus();
  });

  it('back on a phone with a live attempt, does not bounce to ZaloPay but offers to open it', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder();
    const attempt = await payments.payOrder(order.orderId);
    const view = renderCheckout(payments, { orderId: order.orderId, mode: 'redirect' });

    expect(
      await screen.findByRole('heading', { name: 'Your payment is waiting in ZaloPay' }),
    ).toBeInTheDocument();
    expect(view.openUrl).not.toHaveBeenCalled();
    await view.user.click(screen.getByRole('button', { name: 'Open ZaloPay' }));
    expect(view.openUrl).toHaveBeenCalledWith(attempt.orderUrl);
    expect(payments.payOrderCalls).toHaveLength(1);
  });

  it('shows the receipt, without a reload, when the subscription pushes PAID', async () => {
    const payments = new FakePayments();
    const { order } = renderNewOrderCheckout(payments);
    await qrCode();
    const appTransId = `260115_${order.orderId}_1`;
    await waitFor(() => expect(payments.openStreams(appTransId)).toBe(1));

    payments.transition(appTransId, 'PAID', { method: 'card' });
    const heading = await screen.findByRole('heading', { name: 'Payment successful' });
    expect(heading).toHaveFocus();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Payment successful'));
    expect(screen.getByText(order.orderId)).toBeInTheDocument();
    expect(screen.getByText('Card')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'ZaloPay QR code' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pay with ZaloPay' })).not.toBeInTheDocument();
    await waitFor(() => expect(payments.openStreams(appTransId)).toBe(0));
  });

  it('when the phone reports a decline, says so beside the QR code with ways on, and a payment still shows the receipt', async () => {
    const payments = new FakePayments();
    const { order } = renderNewOrderCheckout(payments);
    await qrCode();
    const appTransId = `260115_${order.orderId}_1`;
    await waitFor(() => expect(payments.openStreams(appTransId)).toBe(1));

    const attempt = payments.reportFromPhone(appTransId, 'declined');
    const notice = await screen.findByRole('region', {
      name: 'Not completed on your phone: declined',
    });
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Not completed on your phone: declined'),
    );
    expect(within(notice).getByText(/Your payment was declined/)).toBeInTheDocument();
    expect(within(notice).getByRole('link', { name: 'Try again in ZaloPay' })).toHaveAttribute(
      'href',
      attempt.orderUrl,
    );
    expect(within(notice).getByRole('link', { name: 'Back to the shop' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.queryByText('Waiting for your payment in ZaloPay…')).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'ZaloPay QR code' })).toBeInTheDocument();
    expect(payments.openStreams(appTransId)).toBe(1);

    payments.transition(appTransId, 'PAID');
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(screen.queryByTestId('phone-report')).not.toBeInTheDocument();
  });

  it('when the phone reports a cancel, "Choose another way to pay" puts the notice away and focuses the QR step', async () => {
    const payments = new FakePayments();
    const { order, user } = renderNewOrderCheckout(payments);
    await qrCode();
    const appTransId = `260115_${order.orderId}_1`;
    await waitFor(() => expect(payments.openStreams(appTransId)).toBe(1));

    payments.reportFromPhone(appTransId, 'cancelled');
    const notice = await screen.findByRole('region', {
      name: 'Not completed on your phone: cancelled',
    });
    expect(within(notice).getByRole('link', { name: 'Open ZaloPay again' })).toBeInTheDocument();
    await user.click(within(notice).getByRole('button', { name: 'Choose another way to pay' }));
    expect(screen.queryByTestId('phone-report')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Scan to pay with ZaloPay' })).toHaveFocus();
    expect(screen.getByText('Waiting for your payment in ZaloPay…')).toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([order.orderId]);
  });

  it('falls back to polling getStatus when the stream delivers nothing, and stops once PAID', async () => {
    const payments = new FakePayments();
    payments.streamSilent = true;
    const { order } = renderNewOrderCheckout(payments, { pollIntervalMs: 40 });
    await qrCode();

    payments.transition(`260115_${order.orderId}_1`, 'PAID', { quietly: true });
    expect(
      await screen.findByRole('heading', { name: 'Payment successful' }, { timeout: 3000 }),
    ).toBeInTheDocument();
    const callsWhenPaid = payments.getStatusCalls.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(payments.getStatusCalls.length).toBe(callsWhenPaid);
  });

  it('a paid order shows its receipt and no Pay button, and asks for no payment', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder({
      status: 'FULFILLED',
      paidAt: new Date('2026-11-25T07:05:00Z'),
      method: 'bank_account',
    });
    renderCheckout(payments, { orderId: order.orderId, payNow: true });

    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toHaveFocus();
    expect(screen.getByText('25 Nov 2026, 14:05 (Vietnam time)')).toBeInTheDocument();
    expect(screen.getByText('Bank account')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pay with ZaloPay' })).not.toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'ZaloPay QR code' })).not.toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([]);
  });

  it('a refunded order shows its receipt with a refund note', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder({ status: 'REFUNDED' });
    renderCheckout(payments, { orderId: order.orderId });
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(screen.getByText('This order was refunded in full.')).toBeInTheDocument();
  });

  it('when the order was paid elsewhere meanwhile, Pay shows the receipt instead of an error', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder();
    const view = renderCheckout(payments, { orderId: order.orderId });
    const pay = await screen.findByRole('button', { name: 'Pay with ZaloPay' });
    const attempt = await payments.payOrder(order.orderId);
    payments.transition(attempt.appTransId, 'PAID', { quietly: true });

    await view.user.click(pay);
    expect(await screen.findByRole('heading', { name: 'Payment successful' })).toBeInTheDocument();
    expect(screen.queryByText(/We could not start the payment/)).not.toBeInTheDocument();
  });

  it('a cancelled order says so, with Continue shopping', async () => {
    const payments = new FakePayments();
    const order = payments.seedOrder({ status: 'CANCELLED' });
    renderCheckout(payments, { orderId: order.orderId, payNow: true });
    expect(await screen.findByRole('heading', { name: 'Order cancelled' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Continue shopping' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('button', { name: 'Pay with ZaloPay' })).not.toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([]);
  });

  it('an unknown order says it is not found, with a link to the shop', async () => {
    const payments = new FakePayments();
    renderCheckout(payments, { orderId: 'NOSUCHORDR' });
    expect(await screen.findByRole('heading', { name: 'Order not found' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Go to the shop' })).toHaveAttribute('href', '/');
    expect(payments.getOrderCalls).toEqual(['NOSUCHORDR']);
  });

  it('on a server error, says so kindly and "Try again" asks for the same order again', async () => {
    const payments = new FakePayments();
    // Not a domain error: the server answers it as an unexpected one, with its generic message.
    payments.payOrderFailures.push(new Error('ZaloPay timed out'));
    const view = renderNewOrderCheckout(payments);
    expect(
      await screen.findByText(/We could not start the payment/, { selector: '.error-box p' }),
    ).toBeVisible();
    expect(screen.queryByText(/ZaloPay timed out/)).not.toBeInTheDocument();

    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await qrCode()).toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([view.order.orderId, view.order.orderId]);
    expect(payments.createOrderCalls).toEqual([]);
  });

  it('when ZaloPay did not answer (503), says so instead of the generic "could not start"', async () => {
    const payments = new FakePayments();
    payments.payOrderFailures.push(new GatewayUnavailableError('260115_TESTORDER1_1'));
    renderNewOrderCheckout(payments);
    expect(
      await screen.findByText(
        'ZaloPay did not answer in time. No money was taken. Please try again.',
        {
          selector: '.error-box p',
        },
      ),
    ).toBeVisible();
    expect(screen.queryByText(/We could not start the payment/)).not.toBeInTheDocument();
  });

  it('on BAD_REQUEST, shows the server message about the field', async () => {
    const payments = new FakePayments();
    payments.payOrderFailures.push(
      new InvalidPaymentInputError('orderId', 'is at most 40 characters'),
    );
    renderNewOrderCheckout(payments);
    expect(
      await screen.findByText('Please check the order: orderId: is at most 40 characters', {
        selector: '.error-box p',
      }),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
  });

  it('when the server says FAILED, says "Payment not completed" in its own words (never the server\'s) and "Try again" makes attempt 2 of the same order', async () => {
    const payments = new FakePayments();
    const view = renderNewOrderCheckout(payments);
    const firstQr = await qrDrawing();
    const first = `260115_${view.order.orderId}_1`;
    await waitFor(() => expect(payments.openStreams(first)).toBe(1));

    payments.transition(first, 'FAILED', { reason: 'The wallet balance is too low.' });
    expect(await screen.findByRole('heading', { name: 'Payment not completed' })).toHaveFocus();
    expect(screen.queryByText(/The wallet balance is too low/)).not.toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await qrDrawing()).not.toBe(firstQr);
    expect(payments.payOrderCalls).toEqual([view.order.orderId, view.order.orderId]);
    await waitFor(() => expect(payments.openStreams(`260115_${view.order.orderId}_2`)).toBe(1));
  });

  it('when the server says EXPIRED, "Pay again" makes attempt 2 of the same order, never a new cart', async () => {
    const payments = new FakePayments();
    const view = renderNewOrderCheckout(payments);
    await qrCode();
    const first = `260115_${view.order.orderId}_1`;
    await waitFor(() => expect(payments.openStreams(first)).toBe(1));

    payments.transition(first, 'EXPIRED');
    expect(await screen.findByRole('heading', { name: 'This payment expired' })).toHaveFocus();
    await view.user.click(screen.getByRole('button', { name: 'Pay again' }));
    expect(await qrCode()).toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([view.order.orderId, view.order.orderId]);
    expect(payments.createOrderCalls).toEqual([]);
    await waitFor(() => expect(payments.openStreams(`260115_${view.order.orderId}_2`)).toBe(1));
  });

  it('reopened after its attempt expired (Back from the gateway), says so and "Pay again" is attempt 2', async () => {
    const payments = new FakePayments();
    const first = renderNewOrderCheckout(payments);
    await qrCode();
    payments.transition(`260115_${first.order.orderId}_1`, 'EXPIRED');
    first.unmount();

    const view = renderCheckout(payments, { orderId: first.order.orderId });
    expect(await screen.findByRole('heading', { name: 'This payment expired' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Pay with ZaloPay' })).not.toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Pay again' }));
    expect(await qrCode()).toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([first.order.orderId, first.order.orderId]);
  });

  it('when the countdown runs out, offers to pay again for the same order', async () => {
    const payments = new FakePayments();
    payments.orderLifetimeMs = 1_200;
    const view = renderNewOrderCheckout(payments);
    await qrCode();
    expect(
      await screen.findByRole('heading', { name: 'This payment expired' }, { timeout: 4000 }),
    ).toHaveFocus();
    payments.orderLifetimeMs = 15 * 60_000;
    await view.user.click(screen.getByRole('button', { name: 'Pay again' }));
    expect(await qrCode()).toBeInTheDocument();
    expect(payments.payOrderCalls).toEqual([view.order.orderId, view.order.orderId]);
  });
});
