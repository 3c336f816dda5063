// CLS 0 on the shop: nothing moves while the menu loads, on a phone-sized
// screen and on a desktop. Layout shifts are summed in the page by a PerformanceObserver from the start.
import { test, expect } from './fixtures';

const sumLayoutShifts = () => {
  const target = window as unknown as { layoutShift: number };
  target.layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Array<{
      value: number;
      hadRecentInput: boolean;
    }>) {
      if (!entry.hadRecentInput) target.layoutShift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

for (const viewport of [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
]) {
  test(`the shop loads without layout shift at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(sumLayoutShifts);
    await page.goto('/');
    await expect(page.getByLabel(/^Quantity of /).first()).toBeVisible();
    // The shop starts with an empty cart: Pay is there, disabled until something is added.
    await expect(page.getByRole('button', { name: 'Pay with ZaloPay' })).toBeVisible();
    await page.waitForTimeout(500);
    const shift = await page.evaluate(
      () => (window as unknown as { layoutShift: number }).layoutShift,
    );
    expect(shift).toBe(0);
    // The action is on screen without scrolling, on a phone too (shoppers item 5).
    await expect(page.getByRole('button', { name: 'Pay with ZaloPay' })).toBeInViewport();
  });
}
