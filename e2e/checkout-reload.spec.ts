// The checkout lives at /checkout/{orderId}: a reload or a second tab in the middle of a payment returns to
// the same order and its live attempt (the same QR code, decoded from pixels before and after, and the
// countdown continuing), never to a fresh cart with a Pay button.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { decodeQrFromScreenshot } from './qr-decoder';
import { qrCode, startPayment } from './checkout-page';

async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').textContent()) ?? '';
  const [, minutes, seconds] = text.match(/(\d+):(\d\d)/) ?? [];
  expect(minutes, `a countdown in "${text}"`).toBeDefined();
  return Number(minutes) * 60 + Number(seconds);
}

test('reloading the checkout mid-payment shows the same QR code, and so does a second tab', async ({
  page,
  readOrderWithAttempts,
}) => {
  await page.goto('/');
  const { orderId, appTransId } = await startPayment(page);
  await expect(qrCode(page)).toBeVisible();
  const before = await decodeQrFromScreenshot(qrCode(page));
  const secondsBefore = await secondsLeft(page);

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/checkout/${orderId}$`));
  await expect(qrCode(page)).toBeVisible();
  expect(await decodeQrFromScreenshot(qrCode(page))).toBe(before);
  expect(await secondsLeft(page)).toBeLessThanOrEqual(secondsBefore);
  await expect(page.getByRole('button', { name: 'Pay with ZaloPay' })).toHaveCount(0);

  const secondTab = await page.context().newPage();
  await secondTab.goto(`/checkout/${orderId}`);
  await expect(qrCode(secondTab)).toBeVisible();
  expect(await decodeQrFromScreenshot(qrCode(secondTab))).toBe(before);
  await secondTab.close();

  const order = await readOrderWithAttempts(orderId);
  expect(order.status).toBe('AWAITING_PAYMENT');
  expect(order.attempts.map((attempt) => attempt.app_trans_id)).toEqual([appTransId]);
});

test('an unknown order id gets a clear message and a link to the shop', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 404/);
  await page.goto('/checkout/NOSUCHORDR');
  await expect(page.getByRole('heading', { name: 'Order not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the shop' }).click();
  await expect(page.getByRole('button', { name: 'Pay with ZaloPay' })).toBeVisible();
});
