// Desktop Web-to-App: the QR on the checkout page is scanned (decoded from pixels), paid on a phone, and
// the desktop page turns to success by itself.
import { test, expect } from './fixtures';
import { decodeQrFromScreenshot } from './qr-decoder';
import { qrCode, startPayment } from './checkout-page';
import { E2E_EMULATOR_URL } from './ports';

test('desktop shopper scans the QR with a phone, pays, and the desktop shows success without a reload', async ({
  page,
  phone,
  emulator,
}) => {
  await page.goto('/');
  const appTransId = await startPayment(page);
  await expect(qrCode(page)).toBeVisible();

  const scanned = await decodeQrFromScreenshot(qrCode(page));
  expect(scanned.startsWith(`${E2E_EMULATOR_URL}/openinapp?order=`)).toBe(true);

  await phone.goto(scanned);
  await phone.getByRole('button', { name: /pay with zalopay wallet/i }).click();
  await phone.waitForURL(/\/order\/confirmation\?/);

  const urlBeforeSuccess = page.url();
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  expect(page.url()).toBe(urlBeforeSuccess);

  const truth = await emulator.order(appTransId);
  expect(JSON.stringify(truth)).toMatch(/paid/i);
});
