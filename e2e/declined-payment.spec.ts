// A declined card (the gateway's redirect status=-59, checksum valid): within seconds the confirmation page
// says "Payment not completed" with the reason, the order reference and the time left, offers ZaloPay again
// (the same order_url) or another way to pay, and keeps listening: a payment made meanwhile shows the receipt.
import { test, expect } from './fixtures';
import { gatewayPage } from './gateway-page';
import { expectNoAxeViolations } from './axe';
import { receiptValue, startPayment } from './checkout-page';

const INSUFFICIENT_FUNDS_CARD = '9704540000000047';

test('a declined card says "Payment not completed" within seconds, and a later payment still shows the receipt', async ({
  phone,
  emulator,
}) => {
  await phone.goto('/');
  const { orderId, appTransId } = await startPayment(phone);
  await phone.waitForURL(/\/openinapp\?order=/);
  const gatewayUrl = phone.url();

  await gatewayPage(phone).testCard.selectOption(INSUFFICIENT_FUNDS_CARD);
  await gatewayPage(phone).payCard.click();
  await phone.waitForURL(/\/order\/confirmation\?.*status=-59/);
  const returnedAt = Date.now();
  await expect(phone.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
  expect(Date.now() - returnedAt).toBeLessThan(5_000);
  await expect(phone.getByText(/Your payment was declined/)).toBeVisible();
  await expect(phone.locator('.outcome__details dd')).toHaveText(orderId);
  await expect(phone.getByRole('timer')).toHaveText(/You can still pay for 1[0-4]:\d\d/);
  await expect(phone.getByRole('link', { name: 'Try again in ZaloPay' })).toHaveAttribute(
    'href',
    gatewayUrl,
  );
  await expect(phone.getByRole('link', { name: 'Choose another way to pay' })).toHaveAttribute(
    'href',
    `/checkout/${orderId}`,
  );
  await expectNoAxeViolations(phone, 'payment not completed');

  await emulator.pay(appTransId);
  await expect(phone.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(receiptValue(phone, 'Order reference')).toHaveText(orderId);
});
