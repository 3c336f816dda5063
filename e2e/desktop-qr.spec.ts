// Desktop Web-to-App: the QR on the checkout page is scanned (decoded from pixels), paid on a phone, and
// the desktop page turns to the order's receipt by itself.
import { test, expect } from './fixtures';
import { gatewayPage } from './gateway-page';
import { decodeQrFromScreenshot } from './qr-decoder';
import { qrCode, receiptValue, startPayment } from './checkout-page';
import { E2E_EMULATOR_URL } from './ports';

/** "4 Dec 2026, 23:57" (English names the month) at GMT+7 (Vietnam has no daylight saving time), by hand. */
function vietnamTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const month = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ][shifted.getUTCMonth()];
  return `${shifted.getUTCDate()} ${month} ${shifted.getUTCFullYear()}, ${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}`;
}

// A browser far from Vietnam: the receipt must still show Vietnam time.
test.use({ timezoneId: 'America/Los_Angeles' });

test('desktop shopper scans the QR with a phone, pays, and the desktop shows the receipt without a reload', async ({
  page,
  phone,
  emulator,
  readOrderWithAttempts,
}) => {
  await page.goto('/');
  const { orderId, appTransId } = await startPayment(page);
  await expect(page).toHaveURL(new RegExp(`/checkout/${orderId}$`));
  await expect(qrCode(page)).toBeVisible();
  await expect(page.locator('.qr-panel__amount')).toContainText('₫125,000');

  const scanned = await decodeQrFromScreenshot(qrCode(page));
  expect(scanned.startsWith(`${E2E_EMULATOR_URL}/openinapp?order=`)).toBe(true);

  await phone.goto(scanned);
  await gatewayPage(phone).payWallet.click();
  await phone.waitForURL(/\/order\/confirmation\?/);

  const urlBeforeSuccess = page.url();
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  expect(page.url()).toBe(urlBeforeSuccess);
  await expect(receiptValue(page, 'Order reference')).toHaveText(orderId);
  await expect(receiptValue(page, 'Amount paid')).toHaveText('₫125,000');
  await expect(receiptValue(page, 'Payment method')).toHaveText('ZaloPay wallet');
  await expect(page.getByRole('button', { name: 'Pay with ZaloPay' })).toHaveCount(0);

  const order = await readOrderWithAttempts(orderId);
  expect(order.receipt).toMatchObject({ app_trans_id: appTransId, amount: 125_000 });
  await expect(receiptValue(page, 'ZaloPay transaction ID')).toContainText(
    order.receipt?.zp_trans_id ?? 'missing',
  );
  await expect(receiptValue(page, 'Paid at')).toHaveText(
    `${vietnamTime(order.receipt?.paid_at ?? '')} (Vietnam time)`,
  );
  const truth = await emulator.order(appTransId);
  expect(JSON.stringify(truth)).toMatch(/paid/i);
});
