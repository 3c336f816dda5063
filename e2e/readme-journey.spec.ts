// The README's first journey, step by step: press Pay, read the payment reference under the QR code, pay it
// with the emulator's admin API (the README's curl), see the receipt; and "Open ZaloPay on this device"
// opens the emulator's gateway page for the same attempt.
import { test, expect } from './fixtures';
import { qrCode, receiptValue, startPayment } from './checkout-page';

test('the payment reference under the QR code is the one the README pays with the admin API', async ({
  page,
  emulator,
}) => {
  await page.goto('/');
  const { orderId, appTransId } = await startPayment(page);
  await expect(qrCode(page)).toBeVisible();
  const reference = page.locator('.qr-panel__reference code');
  await expect(reference).toHaveText(appTransId);

  await emulator.pay((await reference.textContent()) ?? '');
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(receiptValue(page, 'Order reference')).toHaveText(orderId);
});

test('"Open ZaloPay on this device" opens the gateway page of the same attempt', async ({
  page,
}) => {
  await page.goto('/');
  const { appTransId } = await startPayment(page);
  await page.getByRole('button', { name: 'Open ZaloPay on this device' }).click();
  await page.waitForURL(/\/openinapp\?order=/);
  await expect(page.getByText(appTransId)).toBeVisible();
});
