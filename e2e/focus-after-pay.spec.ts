// After Pay, focus moves to the QR panel's heading and the QR code is scrolled into view, also on a
// 360 px wide screen where it sits below the order: a keyboard or screen reader user lands on the next
// step instead of the page body, and nobody has to scroll to find the code.
import { test, expect } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { fillDemoCart, qrCode } from './checkout-page';

test.use({ viewport: { width: 360, height: 740 } });

test('at 360 px, pressing Pay from the keyboard puts focus on the QR heading and the QR in view', async ({
  page,
}) => {
  await page.goto('/');
  const pay = page.getByRole('button', { name: 'Pay with ZaloPay' });
  await fillDemoCart(page);
  await pay.focus();
  await page.keyboard.press('Enter');

  const heading = page.getByRole('heading', { name: 'Scan to pay with ZaloPay' });
  await expect(heading).toBeFocused();
  await expect(qrCode(page)).toBeInViewport();
  await expect(heading).toBeInViewport();
  // From the keyboard the focused heading shows a dashed frame, not an underline that reads as a link.
  const mark = await heading.evaluate((element) => {
    const style = getComputedStyle(element);
    return { outline: style.outlineStyle, underline: style.textDecorationLine };
  });
  expect(mark).toEqual({ outline: 'dashed', underline: 'none' });
  await expectNoAxeViolations(page, 'QR step at 360 px');
});
