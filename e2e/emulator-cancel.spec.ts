// The emulator's /v2/cancel as a shopper meets it: the gateway page of an order the merchant cancelled
// refuses payment, also when the page was opened before the cancel. And the inspector's MAC labels
// stay inside their column (the long formula used to run into the value next to it).
import { createHmac, randomBytes } from 'node:crypto';
import type { APIRequestContext, Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { gatewayPage } from './gateway-page';
import { E2E_EMULATOR_URL } from './ports';

/** The public sandbox key1 of app 2553, the app the embedded emulator's merchant uses. */
const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

/** Today's date in Vietnam, yymmdd, as app_trans_id wants it. */
function vietnamYymmdd(epochMs: number): string {
  const vietnam = new Date(epochMs + 7 * 3_600_000);
  return vietnam.toISOString().slice(2, 10).replaceAll('-', '');
}

/** A merchant's create, built by hand: answers the app_trans_id and the order_url. */
async function createOrder(request: APIRequestContext) {
  const now = Date.now();
  const appTransId = `${vietnamYymmdd(now)}_cancel${randomBytes(4).toString('hex')}`;
  const embedData = '{"redirecturl":"https://shop.example/result"}';
  const answer = await request.post(`${E2E_EMULATOR_URL}/v2/create`, {
    data: {
      app_id: 2553,
      app_user: 'cancel-user',
      app_trans_id: appTransId,
      app_time: now,
      amount: 30000,
      description: 'Cancel check',
      item: '[]',
      embed_data: embedData,
      mac: hmac(KEY1_2553, `2553|${appTransId}|cancel-user|30000|${now}|${embedData}|[]`),
    },
  });
  const body = (await answer.json()) as { return_code: number; order_url: string };
  expect(body.return_code).toBe(1);
  return { appTransId, orderUrl: body.order_url };
}

async function cancel(request: APIRequestContext, appTransId: string, mac?: string) {
  const answer = await request.post(`${E2E_EMULATOR_URL}/v2/cancel`, {
    form: {
      app_id: '2553',
      app_trans_id: appTransId,
      mac: mac ?? hmac(KEY1_2553, `2553|${appTransId}|${KEY1_2553}`),
    },
  });
  return (await answer.json()) as { return_code: number; sub_return_code: number };
}

test('a cancelled order cannot be paid: its page says so, and a page opened before refuses the Pay click', async ({
  page,
  request,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/410/);
  const { appTransId, orderUrl } = await createOrder(request);

  // The shopper opened the page while the order was payable...
  await page.goto(orderUrl);
  const payWallet = gatewayPage(page).payWallet;
  await expect(payWallet).toBeVisible();

  // ...then the merchant cancels it, and the Pay click is refused.
  expect(await cancel(request, appTransId)).toMatchObject({ return_code: 1, sub_return_code: 1 });
  await payWallet.click();
  await expect(page.getByRole('heading', { name: 'Đơn hàng này đã bị hủy' })).toBeVisible();
  await expect(page.getByText('không thể thanh toán nữa')).toBeVisible();
  await expect(page.getByRole('button')).toHaveCount(0);

  // Opening the link afresh shows the same, with HTTP 410.
  const response = await page.goto(orderUrl);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole('heading', { name: 'Đơn hàng này đã bị hủy' })).toBeVisible();
  // In English too, from the page's own language link.
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'This order was cancelled' })).toBeVisible();
  const truth = await request.get(`${E2E_EMULATOR_URL}/admin/orders/${appTransId}`);
  expect(await truth.json()).toMatchObject({ status: 'cancelled', zp_trans_id: null });
});

/** How far a label sticks out of its own box or into the value beside it (0 when it fits). */
async function overflowOf(label: Locator): Promise<number> {
  return label.evaluate((dt) => {
    const value = dt.nextElementSibling;
    const own = dt.scrollWidth - dt.clientWidth;
    if (!value) return own;
    const into = dt.getBoundingClientRect().right - value.getBoundingClientRect().left;
    const sameRow = dt.getBoundingClientRect().top === value.getBoundingClientRect().top;
    return Math.max(own, sameRow ? into : 0);
  });
}

test('the inspector explains a cancel MAC without key1, and its labels stay in their column', async ({
  page,
  request,
}, testInfo) => {
  const { appTransId } = await createOrder(request);
  const withoutKey = hmac(KEY1_2553, `2553|${appTransId}`);
  expect(await cancel(request, appTransId, withoutKey)).toMatchObject({ sub_return_code: -402 });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${E2E_EMULATOR_URL}/inspector?app_trans_id=${appTransId}`);
  const bad = page.locator('[data-testid="entry"][data-endpoint="cancel"]');
  await expect(bad).toHaveCount(1);
  await expect(bad.getByTestId('hints')).toContainText('this formula ends with key1 itself');
  await expect(bad.getByTestId('formula')).toHaveText('app_id|app_trans_id|key1');
  await expect(bad.getByTestId('signed-string')).toHaveText(`2553|${appTransId}|{key1}`);

  const create = page.locator('[data-testid="entry"][data-endpoint="create"]');
  await expect(create.getByTestId('formula')).toHaveText(
    'app_id|app_trans_id|app_user|amount|app_time|embed_data|item',
  );
  for (const label of await page.locator('dt').all()) {
    expect(await overflowOf(label), await label.innerText()).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: testInfo.outputPath('inspector-labels.png'), fullPage: true });
});
