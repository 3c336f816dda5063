// Shared Playwright fixtures (in the style of the Epic Stack's playwright-utils): each test creates its own
// orders, gets the emulator's admin API and a phone-sized browser context, and fails on stray console errors.
import { test as base, expect, devices, type BrowserContext, type Page } from '@playwright/test';
import { emulatorAdmin, type EmulatorAdmin } from './emulator-admin';

/** POST /api/payment/create's answer: one payment attempt. */
export interface CreatedPayment {
  app_trans_id: string;
  order_url: string;
  order_id: string;
}

/** GET /api/orders/{order_id}'s answer, as far as the tests read it. */
export interface MerchantOrder {
  order_id: string;
  status: string;
  total: number;
  attempts: { app_trans_id: string; attempt: number; status: string }[];
  receipt: {
    app_trans_id: string;
    zp_trans_id: string;
    amount: number;
    paid_at: string;
    method: string;
  } | null;
}

interface Fixtures {
  emulator: EmulatorAdmin;
  /** A one-off payment for a client amount through the REST API, as the frontend guide describes. */
  createOneOffPayment: (amount?: number, orderInfo?: string) => Promise<CreatedPayment>;
  /** Reads a merchant order through the REST API (GET /api/orders/{order_id}). */
  readOrderWithAttempts: (orderId: string) => Promise<MerchantOrder>;
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
  emulator: async ({}, use) => {
    const admin = emulatorAdmin();
    await use(admin);
    await admin.clearFaults();
    await admin.resetClock();
  },
  createOneOffPayment: async ({ request }, use) => {
    await use(async (amount = 50_000, orderInfo = 'E2E order') => {
      const response = await request.post('/api/payment/create', {
        data: { amount, order_info: orderInfo },
      });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as CreatedPayment;
    });
  },
  readOrderWithAttempts: async ({ request }, use) => {
    await use(async (orderId) => {
      const response = await request.get(`/api/orders/${encodeURIComponent(orderId)}`);
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as MerchantOrder;
    });
  },
});

export { expect };
