// Issue 26, item 4: during a database restart the server answers 503 with retryAfterSeconds; the page
// sends the request again quietly, spaced by Retry-After, and gives up only within its patience window.
// The errors go through the real tRPC router (FakePayments throws what postgres.js throws).
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GIVE_UP_AFTER_MS } from '../components/use-request-patience';
import { MAX_OUTAGE_RETRIES } from '../query-client';
import { FakePayments } from '../testing/fake-payments';
import { renderWithApi } from '../testing/render-with-api';
import { CheckoutPage } from './checkout-page';

/** What postgres.js rejects with when PostgreSQL ends the connection (a restart). */
const connectionLost = () =>
  Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
  });

function renderPayingCheckout(payments: FakePayments) {
  const order = payments.seedOrder();
  renderWithApi(
    <CheckoutPage initialMode="qr" openUrl={vi.fn()} orderId={order.orderId} payNow />,
    payments,
  );
  return order;
}

describe('a database restart seen from the checkout page', () => {
  it('retries a payment create quietly: the QR appears, no error is shown', async () => {
    const payments = new FakePayments();
    payments.payOrderFailures.push(connectionLost());
    const order = renderPayingCheckout(payments);

    expect(
      await screen.findByRole('img', { name: 'ZaloPay QR code' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(document.querySelector('.error-box')).toBeNull();
    expect(payments.payOrderCalls).toEqual([order.orderId, order.orderId]);
  });

  it('gives up within the patience window when the outage lasts, and says so', async () => {
    const payments = new FakePayments();
    for (let i = 0; i <= MAX_OUTAGE_RETRIES; i += 1)
      payments.payOrderFailures.push(connectionLost());
    const order = renderPayingCheckout(payments);
    const started = Date.now();

    expect(
      await screen.findByRole(
        'button',
        { name: 'Try again' },
        { timeout: GIVE_UP_AFTER_MS + 2_000 },
      ),
    ).toBeEnabled();
    expect(Date.now() - started).toBeLessThanOrEqual(GIVE_UP_AFTER_MS + 1_000);
    expect(payments.payOrderCalls).toHaveLength(MAX_OUTAGE_RETRIES + 1);
    expect(payments.payOrderCalls.every((id) => id === order.orderId)).toBe(true);
  }, 15_000);

  it('never retries a refusal that a retry cannot fix', async () => {
    const payments = new FakePayments();
    payments.payOrderFailures.push(new Error('boom'));
    renderPayingCheckout(payments);
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(payments.payOrderCalls).toHaveLength(1);
  });
});
