// Steps of the checkout page that several specs share: start a payment and read what the server created.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Clicks "Pay with ZaloPay" and returns the app_trans_id from the createPayment response. */
export async function startPayment(page: Page): Promise<string> {
  const created = page.waitForResponse(
    (response) => response.url().includes('/trpc/createPayment') && response.status() === 200,
  );
  await page.getByRole('button', { name: 'Pay with ZaloPay' }).click();
  const body = (await (await created).json()) as unknown;
  const appTransId = JSON.stringify(body).match(/"appTransId":"([^"]+)"/)?.[1];
  expect(appTransId, 'createPayment answered with an appTransId').toBeTruthy();
  return appTransId as string;
}

export function qrCode(page: Page) {
  return page.getByRole('img', { name: 'ZaloPay QR code' });
}
