// How the checkout lays out for a shopper: in Vietnamese at 1280 px the two payment tabs sit on
// one line, and a heading that takes focus after a mouse click shows no link-like underline.
import { test, expect } from './fixtures';
import { addFirstProduct } from './checkout-page';
import { expectNoAxeViolations } from './axe';

test.describe('in Vietnamese at 1280 px', () => {
  test.use({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });

  test('the payment tabs fit on one line, and the QR heading is not underlined after a click', async ({
    page,
  }) => {
    await page.goto('/');
    await addFirstProduct(page);
    await page.getByRole('button', { name: 'Thanh toán bằng ZaloPay' }).click();
    await expect(page.getByRole('img', { name: 'Mã QR ZaloPay' })).toBeVisible();
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(2);
    const [first, second] = [await tabs.nth(0).boundingBox(), await tabs.nth(1).boundingBox()];
    expect(second!.y).toBe(first!.y);
    expect(second!.height).toBe(first!.height);

    const focused = page.locator('.result-heading:focus');
    if ((await focused.count()) > 0) {
      await expect(focused).toHaveCSS('text-decoration-line', 'none');
      await expect(focused).toHaveCSS('outline-style', 'none');
    }
    await expectNoAxeViolations(page, 'QR step, Vietnamese, 1280 px');
  });
});
