// Shared Playwright fixtures (in the style of the Epic Stack's playwright-utils): each test creates its own
// orders, gets the emulator's admin API and a phone-sized browser context, and fails on stray console errors.
import { test as base, expect, devices, type BrowserContext, type Page } from '@playwright/test';
import { emulatorAdmin, type EmulatorAdmin } from './emulator-admin';

export interface CreatedOrder {
  app_trans_id: string;
  order_url: string;
}

interface Fixtures {
  emulator: EmulatorAdmin;
  /** Creates an order through the merchant's own REST API, as the frontend guide describes. */
  createOrder: (amount?: number, orderInfo?: string) => Promise<CreatedOrder>;
  /** A phone (Pixel 7: touch, coarse pointer, mobile user agent) in its own browser context. */
  phone: Page;
  /** Console errors matching one of these are expected by the test (e.g. a 404 it provokes). */
  allowConsoleErrors: (pattern: RegExp) => void;
}

function watchConsole(page: Page, errors: string[]) {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.message}`));
}

export const test = base.extend<Fixtures & { consoleErrors: string[]; allowed: RegExp[] }>({
  consoleErrors: async ({ allowed }, use) => {
    const errors: string[] = [];
    await use(errors);
    const unexpected = errors.filter((line) => !allowed.some((p) => p.test(line)));
    expect(unexpected, 'unexpected console errors').toEqual([]);
  },
  allowed: async ({}, use) => {
    await use([]);
  },
  allowConsoleErrors: async ({ allowed }, use) => {
    await use((pattern) => allowed.push(pattern));
  },
  page: async ({ page, consoleErrors }, use) => {
    watchConsole(page, consoleErrors);
    await use(page);
  },
  phone: async ({ browser, consoleErrors }, use) => {
    const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
    const context: BrowserContext = await browser.newContext({ ...pixel });
    const page = await context.newPage();
    watchConsole(page, consoleErrors);
    await use(page);
    await context.close();
  },
  emulator: async ({ request }, use) => {
    const admin = emulatorAdmin(request);
    await use(admin);
    await admin.clearFaults();
    await admin.resetClock();
  },
  createOrder: async ({ request }, use) => {
    await use(async (amount = 50_000, orderInfo = 'E2E order') => {
      const response = await request.post('/api/payment/create', {
        data: { amount, order_info: orderInfo },
      });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as CreatedOrder;
    });
  },
});

export { expect };
