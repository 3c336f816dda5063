// Mobile Web-to-App: a phone is sent straight to order_url, pays, returns to /order/confirmation, sees
// "Verifying your payment…" and then the order's receipt; Back returns to the same order's receipt. A
// shopper who comes Back from ZaloPay without paying is not bounced to ZaloPay again.
import { test, expect } from './fixtures';
import { gatewayPage } from './gateway-page';
import { receiptValue, startPayment } from './checkout-page';

test('mobile shopper is redirected to ZaloPay, pays, sees the verified receipt, and Back shows the same receipt', async ({
  phone,
}) => {
  await phone.goto('/');
  const { orderId } = await startPayment(phone);
  await phone.waitForURL(/\/openinapp\?order=/);

  let releaseStatus: () => void = () => {};
  const statusHeld = new Promise<void>((resolve) => (releaseStatus = resolve));
  await phone.route('**/trpc/getStatus**', async (route) => {
    await statusHeld;
    await route.continue();
  });

  await gatewayPage(phone).payWallet.click();
  await phone.waitForURL(/\/order\/confirmation\?.*apptransid=/);
  await expect(phone.getByRole('heading', { name: 'Verifying your payment…' })).toBeVisible();
  releaseStatus();
  await expect(phone.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(receiptValue(phone, 'Order reference')).toHaveText(orderId);
  const zpTransId = await receiptValue(phone, 'ZaloPay transaction ID')
    .locator('code')
    .textContent();
  expect(zpTransId).toMatch(/^\d+$/);

  await phone.unroute('**/trpc/getStatus**');
  await expect
    .poll(
      async () => {
        if (!phone.url().includes(`/checkout/${orderId}`)) await phone.goBack();
        return new URL(phone.url()).pathname;
      },
      { timeout: 20_000 },
    )
    .toBe(`/checkout/${orderId}`);
  await expect(phone.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(receiptValue(phone, 'Order reference')).toHaveText(orderId);
  await expect(receiptValue(phone, 'ZaloPay transaction ID').locator('code')).toHaveText(
    zpTransId ?? 'missing',
  );
  await expect(phone.getByRole('button', { name: 'Pay with ZaloPay' })).toHaveCount(0);
});

test('Back from ZaloPay before paying returns to the same order without bouncing to ZaloPay', async ({
  phone,
  readOrderWithAttempts,
}) => {
  await phone.goto('/');
  const { orderId, appTransId } = await startPayment(phone);
  await phone.waitForURL(/\/openinapp\?order=/);
  const gatewayUrl = phone.url();

  await phone.goBack();
  await expect(phone).toHaveURL(new RegExp(`/checkout/${orderId}$`));
  await expect(
    phone.getByRole('heading', { name: 'Your payment is waiting in ZaloPay' }),
  ).toBeVisible();
  await phone.waitForTimeout(1_000);
  await expect(phone).toHaveURL(new RegExp(`/checkout/${orderId}$`));

  await phone.getByRole('button', { name: 'Open ZaloPay' }).click();
  await phone.waitForURL(gatewayUrl);
  const order = await readOrderWithAttempts(orderId);
  expect(order.attempts.map((attempt) => attempt.app_trans_id)).toEqual([appTransId]);
});
