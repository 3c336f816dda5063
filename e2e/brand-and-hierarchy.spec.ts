// Who is paid and how much come first, large, above the QR code; every ZaloPay button carries the drawn
// ZaloPay mark; a phone whose ZaloPay app did not open can copy the payment link or get the app.
import { test, expect } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { qrCode, startPayment } from './checkout-page';

test('desktop: the merchant and the amount, large, above the QR code; the Pay button has the ZaloPay mark', async ({
  page,
}) => {
  await page.goto('/');
  const pay = page.getByRole('button', { name: 'Pay with ZaloPay' });
  await expect(pay).toBeVisible();
  const mark = await pay.evaluate((button) => getComputedStyle(button, '::before').backgroundImage);
  expect(mark).toContain('data:image/svg+xml');

  await startPayment(page);
  await expect(qrCode(page)).toBeVisible();
  const merchant = page.locator('.qr-panel__merchant');
  const amount = page.locator('.qr-panel__amount strong');
  await expect(merchant).toHaveText('Cà Phê Demo');
  await expect(amount).toHaveText('₫125,000');
  const qrBox = await qrCode(page).boundingBox();
  const amountBox = await amount.boundingBox();
  expect(amountBox && qrBox && amountBox.y + amountBox.height <= qrBox.y).toBe(true);
  const amountSize = await amount.evaluate((element) =>
    parseFloat(getComputedStyle(element).fontSize),
  );
  expect(amountSize).toBeGreaterThanOrEqual(28);
  await expectNoAxeViolations(page, 'QR step with the payee header');
});

test('phone: back from ZaloPay, the page offers "Copy payment link" and the app stores', async ({
  phone,
}) => {
  await phone.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await phone.goto('/');
  await startPayment(phone);
  await phone.waitForURL(/\/openinapp\?order=/);
  const gatewayUrl = phone.url();
  await phone.goBack();
  await expect(
    phone.getByRole('heading', { name: 'Your payment is waiting in ZaloPay' }),
  ).toBeVisible();
  await phone.getByRole('button', { name: 'Copy payment link' }).click();
  await expect(phone.getByRole('button', { name: 'Copy payment link' })).toHaveText('Copied');
  expect(await phone.evaluate(() => navigator.clipboard.readText())).toBe(gatewayUrl);
  await expect(phone.getByRole('link', { name: 'ZaloPay on Google Play' })).toBeVisible();
  await expect(phone.getByRole('link', { name: 'ZaloPay on the App Store' })).toBeVisible();
  await expectNoAxeViolations(phone, 'waiting in ZaloPay with the app help');
});
