// A shopper (or anyone) who types status=1 into the confirmation URL of an unpaid order must not see success:
// only the server's record counts.
import { test, expect } from './fixtures';

test('a forged status=1 on the confirmation page of an unpaid order never shows success', async ({
  page,
  createOneOffPayment,
}) => {
  const order = await createOneOffPayment(60_000, 'Forged redirect check');
  await page.goto(
    `/order/confirmation?apptransid=${order.app_trans_id}&status=1&amount=60000&pmcid=38&bankcode=&discountamount=0&checksum=${'0'.repeat(64)}`,
  );
  await expect(page.getByRole('heading', { name: 'Verifying your payment…' })).toBeVisible();
  await page.waitForResponse((r) => r.url().includes('/trpc/getStatus'));
  await page.waitForTimeout(2_000);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toHaveCount(0);

  const status = await page.request.get(`/api/payment/status/${order.app_trans_id}`);
  expect(await status.json()).toMatchObject({ status: 'PENDING' });
});

test('an unknown order id and a missing one each get their own message', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 404/);
  await page.goto('/order/confirmation?apptransid=991231_doesnotexist&status=1');
  await expect(page.getByRole('heading', { name: 'Order not found' })).toBeVisible();
  await page.goto('/order/confirmation?status=1');
  await expect(page.getByRole('heading', { name: 'Missing order reference' })).toBeVisible();
});
