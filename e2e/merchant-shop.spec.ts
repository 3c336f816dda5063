// A shop with its own back end takes ZaloPay through the merchant API: the operator gives it a
// key on /ops, its "Buy" makes an order of free lines and sends the browser to checkout_url, the shopper
// pays through the emulator (redirect on a phone, QR on a desktop), "Return to <shop>" lands on the
// shop's return_url, and the shop's receiver gets order.paid with its merchant_reference. Unpaid, "Cancel
// and return" goes to its cancel_url; both languages pass axe.
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { gatewayPage } from './gateway-page';
import { expectNoAxeViolations } from './axe';
import { qrCode, receiptValue } from './checkout-page';
import { startMerchantShop, type MerchantShop } from './merchant-shop';
import { decodeQrFromScreenshot } from './qr-decoder';
import { E2E_BASE_URL, E2E_SHOP_PORT, E2E_WEBHOOK_SECRET } from './ports';

const ADMIN_TOKEN = 'e2e-operator-token-0123456789';
const SHOP_HOST = `127.0.0.1:${E2E_SHOP_PORT}`;

let shop: MerchantShop;

/** The operator creates the shop's key on /ops/api-keys, as a merchant would be given one. */
async function keyFromOperator(browser: Browser): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`${E2E_BASE_URL}/ops/api-keys`);
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByLabel('Name (the shop or system that will use it)').fill('E2E hoodie shop');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent()) ?? '';
  await page.close();
  return key;
}

test.beforeAll(async ({ browser }) => {
  const apiKey = await keyFromOperator(browser);
  expect(apiKey).toMatch(/^ck_/);
  shop = await startMerchantShop({
    port: E2E_SHOP_PORT,
    checkoutUrl: E2E_BASE_URL,
    apiKey,
    webhookSecret: E2E_WEBHOOK_SECRET,
  });
});
test.afterAll(async () => {
  await shop?.close();
});

/** In the shop: Buy, and land on the checkout of the new order; returns its order id. */
async function buyInShop(page: Page): Promise<string> {
  await page.goto(shop.origin);
  await page.getByRole('button', { name: 'Buy with ZaloPay' }).click();
  await page.waitForURL(/\/checkout\/[\w-]+$/);
  expect(page.url().startsWith(`${E2E_BASE_URL}/checkout/`)).toBe(true);
  return page.url().split('/').at(-1) ?? '';
}

/** The order.paid event the shop's receiver got for this order, once it arrives. */
async function paidEventOf(orderId: string) {
  await expect
    .poll(() => shop.events.some((e) => e.type === 'order.paid' && e.data.order_id === orderId), {
      timeout: 20_000,
    })
    .toBe(true);
  expect(shop.refused).toBe(0);
  return shop.events.find((e) => e.type === 'order.paid' && e.data.order_id === orderId);
}

test('on a phone: Buy in the shop, pay in ZaloPay, Return to the shop, which gets order.paid', async ({
  phone,
}) => {
  const orderId = await buyInShop(phone);
  await expect(phone.getByText('Áo hoodie, size M')).toBeVisible();
  await expect(phone.getByText('Phí giao hàng')).toBeVisible();
  await phone.getByRole('button', { name: 'Pay with ZaloPay' }).click();
  await phone.waitForURL(/\/openinapp\?order=/);
  await gatewayPage(phone).payWallet.click();
  await phone.waitForURL(/\/order\/confirmation\?/);
  await expect(phone.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(receiptValue(phone, 'Order reference')).toHaveText(orderId);
  await expect(receiptValue(phone, 'Amount paid')).toContainText('280,000');

  await phone.getByRole('link', { name: `Return to ${SHOP_HOST}` }).click();
  await phone.waitForURL(`${shop.origin}/thanks?order_id=${orderId}`);
  await expect(phone.getByTestId('order-status')).toHaveText(/^WC-[\d-]+: (PAID|FULFILLED)$/);
  const reference = (await phone.getByTestId('order-status').textContent())?.split(':')[0];

  const event = await paidEventOf(orderId);
  expect(event?.data.merchant_reference).toBe(reference);
});

test('on a desktop: the QR is paid on a phone, Return to the shop; the paid order shows its receipt again', async ({
  page,
  phone,
}) => {
  const orderId = await buyInShop(page);
  await page.getByRole('button', { name: 'Pay with ZaloPay' }).click();
  await expect(qrCode(page)).toBeVisible();
  await phone.goto(await decodeQrFromScreenshot(qrCode(page)));
  await gatewayPage(phone).payWallet.click();

  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Cancel and return/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'merchant order receipt');
  await page.getByRole('link', { name: `Return to ${SHOP_HOST}` }).click();
  await page.waitForURL(`${shop.origin}/thanks?order_id=${orderId}`);
  await expect(page.getByTestId('order-status')).toHaveText(/: (PAID|FULFILLED)$/);
  expect((await paidEventOf(orderId))?.data.merchant_reference).toMatch(/^WC-/);

  await page.goto(`${E2E_BASE_URL}/checkout/${orderId}`);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay with ZaloPay' })).toHaveCount(0);
});

test('unpaid, "Cancel and return" goes to the shop\'s cancel_url; both languages pass axe', async ({
  page,
}) => {
  const orderId = await buyInShop(page);
  await expect(page.getByRole('link', { name: `Cancel and return to ${SHOP_HOST}` })).toBeVisible();
  await expectNoAxeViolations(page, 'merchant order checkout (English)');
  await page.getByLabel('Language').selectOption({ label: 'Tiếng Việt' });
  const cancel = page.getByRole('link', { name: `Hủy và quay lại ${SHOP_HOST}` });
  await expect(cancel).toBeVisible();
  await expectNoAxeViolations(page, 'merchant order checkout (Vietnamese)');
  await cancel.click();
  await page.waitForURL(`${shop.origin}/cart?order_id=${orderId}`);
});
