// A desktop shows the QR code, a phone scans it and comes back from ZaloPay declined or cancelled: the
// desktop says "Not completed on your phone" at once (the phone's verified redirect, pushed live), with the
// ways on the phone's own page offers, in both languages, while its QR code can still be paid.
import { test, expect } from './fixtures';
import { gatewayPage } from './gateway-page';
import { expectNoAxeViolations } from './axe';
import { decodeQrFromScreenshot } from './qr-decoder';
import { qrCode, receiptValue, startPayment } from './checkout-page';

const INSUFFICIENT_FUNDS_CARD = '9704540000000047';

test('a card declined on the phone shows on the desktop in English and Vietnamese, and the QR code can still be paid', async ({
  page,
  phone,
  emulator,
}) => {
  await page.goto('/');
  const { orderId, appTransId } = await startPayment(page);
  await expect(qrCode(page)).toBeVisible();
  await expect(page.locator('.waiting')).toHaveText('Waiting for your payment in ZaloPay…');
  const orderUrl = await decodeQrFromScreenshot(qrCode(page));

  await phone.goto(orderUrl);
  await gatewayPage(phone).testCard.selectOption(INSUFFICIENT_FUNDS_CARD);
  await gatewayPage(phone).payCard.click();
  await phone.waitForURL(/\/order\/confirmation\?.*status=-59/);
  const returnedAt = Date.now();

  const notice = page.getByRole('region', { name: 'Not completed on your phone: declined' });
  await expect(notice).toBeVisible();
  expect(Date.now() - returnedAt).toBeLessThan(5_000);
  await expect(notice.getByText(/Your payment was declined/)).toBeVisible();
  await expect(notice.getByRole('link', { name: 'Try again in ZaloPay' })).toHaveAttribute(
    'href',
    orderUrl,
  );
  await expect(notice.getByRole('button', { name: 'Choose another way to pay' })).toBeVisible();
  await expect(notice.getByRole('link', { name: 'Back to the shop' })).toHaveAttribute('href', '/');
  await expect(page.locator('.waiting')).toHaveCount(0);
  await expect(qrCode(page)).toBeVisible();
  await expectNoAxeViolations(page, 'declined on the phone (en)');

  await page.getByLabel('Language').selectOption({ label: 'Tiếng Việt' });
  const noticeVi = page.getByRole('region', {
    name: 'Chưa hoàn tất trên điện thoại: giao dịch bị từ chối',
  });
  await expect(noticeVi).toBeVisible();
  await expect(noticeVi.getByRole('link', { name: 'Thử lại trên ZaloPay' })).toBeVisible();
  await expect(noticeVi.getByRole('button', { name: 'Chọn cách thanh toán khác' })).toBeVisible();
  await expect(noticeVi.getByRole('link', { name: 'Quay lại cửa hàng' })).toBeVisible();
  await expectNoAxeViolations(page, 'declined on the phone (vi)');

  // The redirect decided nothing: the order is still payable, and a payment shows the receipt.
  await emulator.pay(appTransId);
  await expect(page.getByRole('heading', { name: 'Thanh toán thành công' })).toBeVisible();
  await expect(page.getByTestId('phone-report')).toHaveCount(0);
  await page.getByLabel(/Ngôn ngữ|Language/).selectOption({ label: 'English' });
  await expect(receiptValue(page, 'Order reference')).toHaveText(orderId);
});

test('a payment cancelled on the phone shows on the desktop, and "Choose another way to pay" goes back to the QR step', async ({
  page,
  phone,
}) => {
  await page.goto('/');
  await startPayment(page);
  await expect(qrCode(page)).toBeVisible();
  const orderUrl = await decodeQrFromScreenshot(qrCode(page));

  await phone.goto(orderUrl);
  // The emulator's gateway: Vietnamese by default, titled with the app's name (EMULATOR_APPS).
  await expect(phone.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(/^Thanh toán cho .+/);
  await expectNoAxeViolations(phone, 'gateway page (vi)');
  await gatewayPage(phone).cancel.click();
  await phone.waitForURL(/\/order\/confirmation\?.*status=-49/);

  const notice = page.getByRole('region', { name: 'Not completed on your phone: cancelled' });
  await expect(notice).toBeVisible();
  await expect(notice.getByText(/You cancelled the payment in ZaloPay/)).toBeVisible();
  await expect(notice.getByRole('link', { name: 'Open ZaloPay again' })).toHaveAttribute(
    'href',
    orderUrl,
  );
  await expectNoAxeViolations(page, 'cancelled on the phone');

  await notice.getByRole('button', { name: 'Choose another way to pay' }).click();
  await expect(page.getByTestId('phone-report')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Scan to pay with ZaloPay' })).toBeFocused();
  await expect(page.locator('.waiting')).toHaveText('Waiting for your payment in ZaloPay…');
});
