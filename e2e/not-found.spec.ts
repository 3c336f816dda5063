// A path no page has answers 404 with a not-found page in the shopper's language, and the way back to the
// shop; the pages that exist (a checkout, the confirmation) still answer 200.
import { test, expect } from './fixtures';
import { expectNoAxeViolations } from './axe';

test('an unknown path is a 404 page in English and in Vietnamese, with the way back to the shop', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 404/);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle(/^Page not found/);
  await expectNoAxeViolations(page, 'page not found (en)');

  await page.getByLabel('Language').selectOption({ label: 'Tiếng Việt' });
  await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
  await expectNoAxeViolations(page, 'page not found (vi)');

  await page.getByRole('link', { name: 'Quay lại cửa hàng' }).click();
  await expect(page).toHaveURL(/\/$/);

  expect((await page.request.get('/order/confirmation?apptransid=x')).status()).toBe(200);
  expect((await page.request.get('/checkout/7K3QMX9P2A')).status()).toBe(200);
});
