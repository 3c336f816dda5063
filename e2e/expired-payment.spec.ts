// An attempt that expires, in Vietnamese: the checkout, the confirmation page and the checkout reached by
// Back from the expired gateway page all say "This payment expired" in the shopper's language (no English
// server text), and "Pay again" is a new attempt of the same order: a new QR code on desktop, straight to
// ZaloPay on a phone.
import { test, expect } from './fixtures';
import { gatewayPage } from './gateway-page';
import { expectNoAxeViolations } from './axe';
import { addFirstProduct } from './checkout-page';

const FIFTEEN_MINUTES_AND_MORE_MS = 16 * 60 * 1000;
const ENGLISH_SERVER_TEXT = /expired|Please start|ZaloPay could not/i;

test.use({ locale: 'vi-VN' });

test('desktop: the QR code expires, the page says so in Vietnamese, and "Thanh toán lại" is attempt 2 of the same order', async ({
  page,
  emulator,
  readOrderWithAttempts,
}) => {
  await page.goto('/');
  await expect(page.getByLabel(/^Số lượng /).first()).toBeVisible();
  await addFirstProduct(page);
  await page.getByRole('button', { name: 'Thanh toán bằng ZaloPay' }).click();
  await expect(page.getByRole('img', { name: 'Mã QR ZaloPay' })).toBeVisible();
  const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

  await emulator.advanceClock(FIFTEEN_MINUTES_AND_MORE_MS);
  await expect(page.getByRole('heading', { name: 'Giao dịch này đã hết hạn' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('.checkout__payment')).not.toContainText(ENGLISH_SERVER_TEXT);
  await expectNoAxeViolations(page, 'expired on the checkout, Vietnamese');
  // The references are a two-column list as on the receipt: each on its own line, never run together.
  const names = page.locator('.outcome__details dt');
  await expect(names).toHaveText(['Mã đơn hàng', 'Mã giao dịch thanh toán']);
  const [first, second] = [await names.nth(0).boundingBox(), await names.nth(1).boundingBox()];
  expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
  expect(second!.x).toBe(first!.x);

  await emulator.resetClock();
  await page.getByRole('button', { name: 'Thanh toán lại' }).click();
  await expect(page.getByRole('img', { name: 'Mã QR ZaloPay' })).toBeVisible();
  const order = await readOrderWithAttempts(orderId);
  expect(order.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2]);
});

test('phone: after a cancel the confirmation page counts down, then says the payment expired, and "Thanh toán lại" opens ZaloPay for attempt 2', async ({
  phone,
  emulator,
  readOrderWithAttempts,
}) => {
  await phone.goto('/');
  await expect(phone.getByLabel(/^Số lượng /).first()).toBeVisible();
  await addFirstProduct(phone);
  await phone.getByRole('button', { name: 'Thanh toán bằng ZaloPay' }).click();
  await phone.waitForURL(/\/openinapp\?order=/);
  await gatewayPage(phone).cancel.click();
  await phone.waitForURL(/\/order\/confirmation\?/);
  await expect(phone.getByRole('heading', { name: 'Đã hủy thanh toán' })).toBeVisible();
  await expectNoAxeViolations(phone, 'cancelled, Vietnamese');
  const orderId = (await phone.locator('.outcome__details dd').first().textContent()) ?? '';

  await emulator.advanceClock(FIFTEEN_MINUTES_AND_MORE_MS);
  await expect(phone.getByRole('heading', { name: 'Giao dịch này đã hết hạn' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(phone.locator('main')).not.toContainText(ENGLISH_SERVER_TEXT);
  await expectNoAxeViolations(phone, 'expired on the confirmation page, Vietnamese');

  await emulator.resetClock();
  await phone.getByRole('button', { name: 'Thanh toán lại' }).click();
  await phone.waitForURL(/\/openinapp\?order=/);
  const order = await readOrderWithAttempts(orderId);
  expect(order.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2]);
});

test('phone: Back from the expired gateway page shows the same order, "Giao dịch này đã hết hạn" and "Thanh toán lại"', async ({
  phone,
  emulator,
  readOrderWithAttempts,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/openinapp\?order=.*status of 410/);
  await phone.goto('/');
  await expect(phone.getByLabel(/^Số lượng /).first()).toBeVisible();
  await addFirstProduct(phone);
  await phone.getByRole('button', { name: 'Thanh toán bằng ZaloPay' }).click();
  await phone.waitForURL(/\/openinapp\?order=/);
  await emulator.advanceClock(FIFTEEN_MINUTES_AND_MORE_MS);
  await phone.reload();
  await phone.goBack();
  await expect(phone).toHaveURL(/\/checkout\/[^/]+$/);
  const orderId = decodeURIComponent(new URL(phone.url()).pathname.split('/').pop() ?? '');
  await expect(phone.getByRole('heading', { name: 'Giao dịch này đã hết hạn' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(phone.locator('.checkout__order h1')).toHaveText('Đơn hàng của bạn');
  await expectNoAxeViolations(phone, 'expired after Back, Vietnamese');

  await emulator.resetClock();
  await phone.getByRole('button', { name: 'Thanh toán lại' }).click();
  await phone.waitForURL(/\/openinapp\?order=/);
  const order = await readOrderWithAttempts(orderId);
  expect(order.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2]);
});
