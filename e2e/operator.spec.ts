// The operator's day: a shopper says "I paid" and reads out the order reference on the receipt; the
// operator signs in, finds the merchant order in the list, opens it, opens its paid attempt, reads its
// timeline (in Vietnam time) and refunds part of it after a confirmation step, watching the refund settle
// and, back on the merchant order, the order become partially refunded. The token matches playwright.config.ts's ADMIN_TOKEN.
import { test, expect } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

/** axe's best-practice rule the WCAG tags leave out: a table header with no text. */
async function expectNoEmptyTableHeaders(page: Page) {
  const results = await new AxeBuilder({ page }).withRules(['empty-table-header']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

const ADMIN_TOKEN = 'e2e-operator-token-0123456789';

test('an operator signs in, finds a paid order, reads its timeline and refunds part of it', async ({
  page,
  emulator,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/refunds\/confirm: .*status of 400/);
  const created = await page.request.post('/api/orders', {
    data: {
      lines: [
        { sku: 'ca-phe-sua-da', quantity: 1 },
        { sku: 'banh-mi', quantity: 1 },
        { sku: 'banh-flan', quantity: 1 },
      ],
    },
  });
  const { order_id: reference } = (await created.json()) as { order_id: string };
  const paying = await page.request.post('/api/payment/create', { data: { order_id: reference } });
  const order = (await paying.json()) as { app_trans_id: string };
  expect(order.app_trans_id).toContain(`_${reference}_1`);
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

  await page.getByLabel('Order reference, app_trans_id or zp_trans_id').fill(reference);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('cell', { name: order.app_trans_id })).toBeVisible();
  await page.getByRole('link', { name: reference, exact: true }).click();

  // The merchant order is the page, its attempts inside, each linking to the attempt's own page.
  await expect(page).toHaveURL(new RegExp(`/ops/merchant-orders/${reference}$`));
  await expect(
    page.getByRole('heading', { level: 1, name: `Merchant order ${reference}` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Payment attempts' })).toBeVisible();
  await expect(
    page.locator('dd').filter({ hasText: /^(Paid, not yet fulfilled|Fulfilled)$/ }),
  ).toHaveCount(1);
  await expect(page.getByRole('cell', { name: 'paid the order' })).toBeVisible();
  await expectNoEmptyTableHeaders(page);
  await expectNoAxeViolations(page, 'merchant order');
  await page.getByRole('cell', { name: order.app_trans_id, exact: true }).getByRole('link').click();

  await expect(
    page.getByRole('heading', { level: 1, name: `Payment attempt ${order.app_trans_id}` }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: `Merchant order ${reference}` })).toBeVisible();
  const timeline = page.getByRole('list').filter({ hasText: 'Payment attempt created' });
  await expect(timeline).toContainText('ZaloPay created the order');
  await expect(timeline).toContainText('Callback received (MAC verified): PENDING->PAID');

  await expect(page.locator('time').first()).toHaveText(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
  await expect(page.getByRole('columnheader', { name: 'Created at' })).toBeVisible();
  await expectNoEmptyTableHeaders(page);
  await expect(page.getByText('Expires at')).toHaveCount(0);
  await expect(page.getByLabel('Amount to refund (VND)')).toHaveValue('');
  await page.getByLabel('Amount to refund (VND)').fill('0x10');
  await page.getByRole('button', { name: 'Review refund' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Refund not sent: amount is not a whole number of dong as typed ("0x10")',
  );
  await expectNoAxeViolations(page, 'refund amount refused');
  // Vietnamese writes twenty-five thousand "25.000": it is read as 25,000 dong, not 25.
  await page.getByLabel('Amount to refund (VND)').fill('25.000');
  await page.getByLabel('Reason').fill('One item out of stock');
  await page.getByRole('button', { name: 'Review refund' }).click();
  await expect(page.getByRole('heading', { name: 'Refund 25,000 VND?' })).toBeVisible();
  await expect(page.getByText('(twenty-five thousand dong)')).toBeVisible();
  await expectNoAxeViolations(page, 'refund confirmation');
  await page.getByRole('button', { name: 'Confirm refund of 25,000 VND' }).click();
  await expect(page.getByRole('status')).toContainText('Refund requested');

  // No reload by hand: the page refreshes itself (a meta refresh, no script) until the refund settles,
  // then stops and drops the banner.
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(1);
  await expect(page.getByRole('cell', { name: 'SUCCEEDED' })).toHaveCount(1, { timeout: 15_000 });
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
  await expectNoAxeViolations(page, 'refund settled');
  await expect(page.getByText('25,000 VND', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Payment attempt created' })).toContainText(
    'Refund status queried: PROCESSING->SUCCEEDED',
  );
  await expect(page.getByLabel('Amount to refund (VND), at most 65,000 VND')).toHaveValue('');
  await expect(page.getByText('Partially refunded', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/^\s*PAID \(via \w+\), partially refunded\s*$/)).toBeVisible();

  // Back on the merchant order's page: the refund is there too, and the order partially refunded.
  await page.getByRole('link', { name: `Merchant order ${reference}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Merchant order ${reference}` }),
  ).toBeVisible();
  await expect(page.locator('dd').filter({ hasText: /^Partially refunded$/ })).toHaveCount(1);
  await expect(page.getByRole('cell', { name: 'SUCCEEDED' })).toHaveCount(1);
  await expectNoAxeViolations(page, 'merchant order partially refunded');

  // The list filters by the merchant order's status, partially refunded included.
  await page.getByRole('link', { name: 'Orders' }).click();
  await page.getByLabel('Order status').selectOption({ label: 'Partially refunded' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name: reference, exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'orders filtered by order status');
  await page.getByRole('link', { name: reference, exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Merchant order ${reference}` }),
  ).toBeVisible();
});

test('an operator reads sessions in words, and revoking one asks first and says it was done', async ({
  page,
  browser,
}) => {
  const signIn = async (tab: Page) => {
    await tab.goto('/ops/sign-in');
    await tab.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await expect(tab.getByRole('heading', { name: 'Orders' })).toBeVisible();
  };
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage);
  await signIn(page);

  await page.getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('columnheader', { name: 'Browser and system' })).toBeVisible();
  await expect(
    page.getByRole('cell', { name: /^Chrome \d+ on \w[\w .]* \((desktop|mobile)\)$/ }).first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'sessions');
  await expectNoEmptyTableHeaders(page);

  const others = page.getByRole('row').filter({ hasNotText: '(this one)' });
  await others.getByRole('button', { name: 'Revoke…' }).first().click();
  await expect(page.getByRole('heading', { name: 'Revoke this session?' })).toBeVisible();
  await expectNoAxeViolations(page, 'revoke confirmation');
  await page.getByRole('button', { name: 'Revoke session' }).click();
  await expect(page.getByRole('status')).toHaveText('Session revoked: that browser is signed out.');
  await expectNoAxeViolations(page, 'session revoked');
  await other.close();
});
