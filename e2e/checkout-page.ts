// Steps of the shop and checkout pages that several specs share: pay for the cart, and read what the
// server created (the merchant order and its payment attempt) and what the receipt shows.
import type { Page, Route } from '@playwright/test';
import { expect } from './fixtures';

export interface StartedPayment {
  /** The merchant order's public reference, as /checkout/{orderId} names it. */
  orderId: string;
  appTransId: string;
}

function readField(body: string | undefined, field: string): string | undefined {
  return body?.match(new RegExp(`"${field}":"([^"]+)"`))?.[1];
}

/** The café's usual cart, chosen by the shopper (the shop starts empty): 2 + 1 + 1 = 125,000 VND. */
export async function fillDemoCart(page: Page): Promise<void> {
  await page.getByLabel('Quantity of Iced milk coffee').fill('2');
  await page.getByLabel('Quantity of Bánh mì').fill('1');
  await page.getByLabel('Quantity of Crème caramel').fill('1');
  await expect(page.getByRole('button', { name: 'Pay with ZaloPay' })).toBeEnabled();
}

/** In the shop, in any language: one of the first product, so Pay is enabled (the shop starts empty). */
export async function addFirstProduct(page: Page): Promise<void> {
  await page.getByRole('spinbutton').first().fill('1');
}

/**
 * In the shop (after page.goto('/')): fills the demo cart, presses "Pay with ZaloPay", and returns
 * the order createOrder made and the attempt createPayment made for it. The answers are read as they pass
 * through a route, because a phone leaves for ZaloPay before a response body could be read afterwards.
 */
export async function startPayment(page: Page): Promise<StartedPayment> {
  const answers: { order?: string; payment?: string } = {};
  const capture = (key: keyof typeof answers) => async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    answers[key] = body;
    await route.fulfill({ response, body });
  };
  await page.route('**/trpc/createOrder?**', capture('order'));
  await page.route('**/trpc/createPayment?**', capture('payment'));

  await expect(page.getByLabel(/^Quantity of /).first()).toBeVisible();
  await fillDemoCart(page);
  await page.getByRole('button', { name: 'Pay with ZaloPay' }).click();
  await expect.poll(() => answers.payment !== undefined, { timeout: 20_000 }).toBe(true);
  await page.unroute('**/trpc/createOrder?**');
  await page.unroute('**/trpc/createPayment?**');

  const orderId = readField(answers.order, 'orderId');
  expect(orderId, `createOrder answered with an orderId: ${answers.order}`).toBeTruthy();
  const appTransId = readField(answers.payment, 'appTransId');
  expect(appTransId, `createPayment answered with an appTransId: ${answers.payment}`).toBeTruthy();
  return { orderId: orderId as string, appTransId: appTransId as string };
}

export function qrCode(page: Page) {
  return page.getByRole('img', { name: 'ZaloPay QR code' });
}

/** The receipt's value for one of its labels (Order reference, Amount paid, ZaloPay transaction ID…). */
export function receiptValue(page: Page, label: string) {
  return page
    .locator('.receipt__details dt', { hasText: label })
    .locator('xpath=following-sibling::dd[1]');
}
