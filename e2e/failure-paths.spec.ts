// The ways a payment does not happen, each with a clear message and a way forward: the shopper cancels on
// the gateway, the attempt expires ("Pay again" is attempt 2 of the same order), ZaloPay fails while
// the attempt is being created.
import { test, expect } from './fixtures';
import { gatewayPage } from './gateway-page';
import { expectNoAxeViolations } from './axe';
import { decodeQrFromScreenshot } from './qr-decoder';
import { fillDemoCart, qrCode, startPayment } from './checkout-page';

test('cancelling on the gateway brings the shopper back with the reference, ZaloPay again or the order', async ({
  phone,
}) => {
  await phone.goto('/');
  const { orderId } = await startPayment(phone);
  await phone.waitForURL(/\/openinapp\?order=/);
  const gatewayUrl = phone.url();
  await gatewayPage(phone).cancel.click();
  await phone.waitForURL(/\/order\/confirmation\?/);
  await expect(phone.getByRole('heading', { name: 'Payment successful' })).toHaveCount(0);
  await expect(phone.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
  await expect(phone.locator('.outcome__details dd')).toHaveText(orderId);
  await expect(phone.getByRole('link', { name: 'Open ZaloPay again' })).toHaveAttribute(
    'href',
    gatewayUrl,
  );
  await expectNoAxeViolations(phone, 'payment cancelled');
  await phone.getByRole('link', { name: 'Return to your order' }).click();
  await expect(phone).toHaveURL(new RegExp(`/checkout/${orderId}$`));
  await expect(
    phone.getByRole('heading', { name: 'Your payment is waiting in ZaloPay' }),
  ).toBeVisible();
});

test('an attempt that expires shows "This payment expired", and "Pay again" is attempt 2 of the same order', async ({
  page,
  emulator,
  readOrderWithAttempts,
}) => {
  await page.goto('/');
  const { orderId, appTransId } = await startPayment(page);
  await expect(qrCode(page)).toBeVisible();
  const firstQr = await decodeQrFromScreenshot(qrCode(page));
  await emulator.advanceClock(16 * 60 * 1000);
  await expect(page.getByRole('heading', { name: 'This payment expired' })).toBeVisible({
    timeout: 20_000,
  });
  // Time only jumps in tests: put ZaloPay's clock back before the new attempt, whose app_time is real time.
  await emulator.resetClock();
  await page.getByRole('button', { name: 'Pay again' }).click();
  await expect(qrCode(page)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/checkout/${orderId}$`));
  expect(await decodeQrFromScreenshot(qrCode(page))).not.toBe(firstQr);

  const order = await readOrderWithAttempts(orderId);
  expect(order.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2]);
  expect(order.attempts[0]?.app_trans_id).toBe(appTransId);
});

test('ZaloPay failing on create shows a clear message, and trying again works', async ({
  page,
  emulator,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 503/);
  await emulator.faults({ api: { fault: '5xx', count: 3, endpoints: ['create'] } });
  await page.goto('/');
  await fillDemoCart(page);
  await page.getByRole('button', { name: 'Pay with ZaloPay' }).click();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
  await expect(qrCode(page)).toHaveCount(0);
  await emulator.clearFaults();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(qrCode(page)).toBeVisible();
});
