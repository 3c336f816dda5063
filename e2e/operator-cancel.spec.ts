// The operator cancels a merchant order nobody paid: from the list to its /ops page, through a confirmation
// page (axe checked), back to the order page with the notice; its QR code is then refused at ZaloPay's
// gateway, and the shopper's Pay answers that the order was cancelled. The token matches playwright.config.ts's ADMIN_TOKEN.
import { test, expect } from './fixtures';
import { expectNoAxeViolations } from './axe';

const ADMIN_TOKEN = 'e2e-operator-token-0123456789';

test('an operator cancels an unpaid order after confirming, and its QR can no longer be paid', async ({
  page,
  readOrderWithAttempts,
  allowConsoleErrors,
}) => {
  const created = await page.request.post('/api/orders', {
    data: { lines: [{ sku: 'banh-mi', quantity: 2 }] },
  });
  const { order_id: reference } = (await created.json()) as { order_id: string };
  const paying = await page.request.post('/api/payment/create', { data: { order_id: reference } });
  const attempt = (await paying.json()) as { app_trans_id: string; order_url: string };

  await page.goto('/ops');
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Order reference, app_trans_id or zp_trans_id').fill(reference);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: reference, exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Merchant order ${reference}` }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'merchant order awaiting payment');
  await page.getByRole('button', { name: 'Cancel order…' }).click();

  await expect(page.getByRole('heading', { name: `Cancel order ${reference}?` })).toBeVisible();
  await expect(page.getByText(attempt.app_trans_id)).toBeVisible();
  await expectNoAxeViolations(page, 'order cancel confirmation');
  expect((await readOrderWithAttempts(reference)).status).toBe('AWAITING_PAYMENT');
  await page.getByRole('button', { name: `Confirm: cancel order ${reference}` }).click();

  await expect(page.getByRole('status')).toContainText('Order cancelled');
  await expect(
    page.getByRole('heading', { level: 1, name: `Merchant order ${reference}` }),
  ).toBeVisible();
  await expect(page.locator('dd').filter({ hasText: /^Cancelled$/ })).toHaveCount(1);
  await expect(page.getByRole('list').filter({ hasText: 'Payment attempt created' })).toContainText(
    'Cancel at ZaloPay (order cancelled)',
  );
  expect((await readOrderWithAttempts(reference)).status).toBe('CANCELLED');

  allowConsoleErrors(/410|Gone/);
  const gateway = await page.goto(attempt.order_url);
  expect(gateway?.status()).toBe(410);
  await expect(page.getByText(/không thể thanh toán nữa/i).first()).toBeVisible();

  const again = await page.request.post('/api/payment/create', { data: { order_id: reference } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe('order_cancelled');
});
