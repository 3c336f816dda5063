// The operator's day: a shopper says "I paid"; the operator signs in, finds the order, reads its timeline
// and refunds part of it, watching the refund settle. The token matches playwright.config.ts's ADMIN_TOKEN.
import { test, expect } from './fixtures';

const ADMIN_TOKEN = 'e2e-operator-token-0123456789';

test('an operator signs in, finds a paid order, reads its timeline and refunds part of it', async ({
  page,
  createOneOffPayment,
  emulator,
}) => {
  const order = await createOneOffPayment(75_000, 'E2E operator order');
  await emulator.pay(order.app_trans_id);
  await expect
    .poll(async () => {
      const status = await page.request.get(`/api/payment/status/${order.app_trans_id}`);
      return ((await status.json()) as { status: string }).status;
    })
    .toBe('PAID');

  await page.goto('/ops');
  await expect(page).toHaveURL(/\/ops\/sign-in$/);
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();

  await page.getByLabel('app_trans_id or zp_trans_id').fill(order.app_trans_id);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: order.app_trans_id }).click();

  await expect(page.getByRole('heading', { name: `Order ${order.app_trans_id}` })).toBeVisible();
  const timeline = page.getByRole('list').filter({ hasText: 'Order created' });
  await expect(timeline).toContainText('ZaloPay created the order');
  await expect(timeline).toContainText('Callback received (MAC verified): PENDING->PAID');

  await page.getByLabel('Amount to refund (VND)').fill('25000');
  await page.getByLabel('Reason').fill('One item out of stock');
  await page.getByRole('button', { name: 'Refund' }).click();
  await expect(page.getByRole('status')).toContainText('Refund requested');

  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByRole('cell', { name: 'SUCCEEDED' }).count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await expect(page.getByText('25,000 VND', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Order created' })).toContainText(
    'Refund status queried: PROCESSING->SUCCEEDED',
  );
  await expect(page.getByLabel('Amount to refund (VND)')).toHaveValue('50000');
});
