// A real browser (Chromium) through nginx with TLS in front of two instances: the shopper pays on the
// desktop page, one instance is killed while the page waits on the QR code (whichever held its stream),
// and the page still turns to the receipt through what is left. The certificate is the run's own, so the browser is told to accept it.
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitUntil } from '../chaos/wait-until';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium-path';
import { startProxyStage, type ProxyStage } from './proxy-stage';

let stage: ProxyStage;
let browser: Browser;

beforeAll(async () => {
  stage = await startProxyStage();
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await stage?.close();
});

it('shows the payment on the desktop page through the proxy, one of the two instances killed while it waited', async () => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-US' });
  const page = await context.newPage();
  try {
    await page.goto(stage.proxy.url);
    // The shop starts with an empty cart: one of the first product.
    await page.getByRole('spinbutton').first().fill('1', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Pay with ZaloPay' }).click({ timeout: 30_000 });
    await page.waitForURL(/\/checkout\/[0-9A-Z]{10}$/, { timeout: 30_000 });
    await expect
      .poll(() => page.getByRole('img', { name: 'ZaloPay QR code' }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    const orderId = page.url().split('/').pop()!;
    const attempt = (await stage.admin.orders()).find((order) =>
      order.app_trans_id.includes(`_${orderId}_`),
    );
    expect(attempt).toBeDefined();

    await stage.instances[0]!.kill9();
    await stage.admin.pay(attempt!.app_trans_id);
    const shown = await waitUntil(
      () => page.getByRole('heading', { name: 'Payment successful' }).isVisible(),
      { limitMs: 30_000, everyMs: 200 },
    );
    expect(shown).not.toBeNull();
    expect(page.url()).toContain(`/checkout/${orderId}`);
  } finally {
    await context.close();
  }
});
