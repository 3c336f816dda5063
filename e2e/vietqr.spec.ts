// Banking apps: on desktop, the second tab shows ZaloPay's VietQR code (create's qr_code) with the NAPAS
// 247 / VietQR marks; the code is read from pixels as a bank's app would, a copy with a broken CRC is
// refused, and the emulator's banking app pays the real one by bank transfer: the receipt says so.
import { test, expect } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { qrCode, receiptValue, startPayment } from './checkout-page';
import { decodeQrFromScreenshot } from './qr-decoder';

test('the VietQR tab is decoded from pixels and paid by the emulator’s banking app', async ({
  page,
  emulator,
  readOrderWithAttempts,
}) => {
  await page.goto('/');
  const { orderId } = await startPayment(page);
  await expect(qrCode(page)).toBeVisible();

  await page.getByRole('tab', { name: 'ZaloPay or any banking app (VietQR)' }).click();
  const vietQr = page.getByRole('img', { name: 'VietQR code for ZaloPay and banking apps' });
  await expect(vietQr).toBeVisible();
  await expect(page.getByText('NAPAS 247 · VietQR')).toBeVisible();
  await expectNoAxeViolations(page, 'VietQR tab');

  const payload = await decodeQrFromScreenshot(vietQr);
  expect(payload).toMatch(/^000201010212.*38\d\d0010A000000727.*6304[0-9A-F]{4}$/);

  const tampered = `${payload.slice(0, -4)}${payload.endsWith('0000') ? '1111' : '0000'}`;
  expect(await emulator.payVietQr(tampered)).toEqual({
    status: 400,
    body: { result: 'crc_mismatch' },
  });

  const paid = await emulator.payVietQr(payload);
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(receiptValue(page, 'Payment method')).toHaveText('Bank account');
  const order = await readOrderWithAttempts(orderId);
  expect(order.receipt?.method).toBe('bank_account');
});
