// Vietnamese and English: chosen from the browser's language, switchable, with amounts in VND via Intl.
import { test, expect } from './fixtures';

test.describe('in a Vietnamese browser', () => {
  test.use({ locale: 'vi-VN' });

  test('the page starts in Vietnamese with VND amounts, and switches to English', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByText(/\d{1,3}(\.\d{3})+\s₫/).first()).toBeVisible();

    await page.getByLabel(/Ngôn ngữ|Language/).selectOption({ label: 'English' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Pay with ZaloPay' })).toBeVisible();
    await expect(page.getByText(/₫\s?\d{1,3}(,\d{3})+/).first()).toBeVisible();
  });
});

test('an English browser can switch to Vietnamese, and the choice is remembered', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption({ label: 'Tiếng Việt' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});
