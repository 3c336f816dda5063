// Mobile Web-to-App: a phone is sent straight to order_url, pays, returns to /order/confirmation, sees
// "Verifying your payment…" and then the verified success.
import { test, expect } from './fixtures';

test('mobile shopper is redirected to ZaloPay, pays, and the confirmation page verifies success', async ({
  phone,
}) => {
  await phone.goto('/');
  await phone.getByRole('button', { name: 'Pay with ZaloPay' }).click();
  await phone.waitForURL(/\/openinapp\?order=/);

  let releaseStatus: () => void = () => {};
  const statusHeld = new Promise<void>((resolve) => (releaseStatus = resolve));
  await phone.route('**/trpc/getStatus**', async (route) => {
    await statusHeld;
    await route.continue();
  });

  await phone.getByRole('button', { name: /pay with zalopay wallet/i }).click();
  await phone.waitForURL(/\/order\/confirmation\?.*apptransid=/);
  await expect(phone.getByRole('heading', { name: 'Verifying your payment…' })).toBeVisible();
  releaseStatus();
  await expect(phone.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
});
