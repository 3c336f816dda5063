// Playwright end-to-end tests: the real app (with its embedded ZaloPay emulator and an in-memory PGlite)
// driven through a real headless Chromium, desktop and phone-sized.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium-path';
import {
  E2E_APP_PORT,
  E2E_EMULATOR_PORT,
  E2E_BASE_URL,
  E2E_SHOP_ORIGIN,
  E2E_WEBHOOK_SECRET,
} from './e2e/ports';

const launchOptions = { executablePath: findChromium(), args: CHROMIUM_ARGS };

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    // What `npm start` runs: the client and the server built, the server run by plain Node.
    command: 'npm run build --silent && node dist/server/main.js',
    url: `${E2E_BASE_URL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(E2E_APP_PORT),
      PUBLIC_BASE_URL: E2E_BASE_URL,
      EMULATOR_PORT: String(E2E_EMULATOR_PORT),
      DATABASE_URL: '',
      PGLITE_DATA_DIR: 'memory://',
      POLL_INTERVAL_MS: '1000',
      POLL_TICK_MS: '250',
      EXPIRY_GRACE_MS: '0',
      LOG_LEVEL: 'warn',
      ADMIN_TOKEN: 'e2e-operator-token-0123456789',
      REFUND_CHECK_INTERVAL_MS: '250',
      // Every spec creates orders from 127.0.0.1: far above what a whole run creates in a minute.
      CREATE_RATE_LIMIT_PER_MINUTE: '10000',
      ORDER_RATE_LIMIT_PER_MINUTE: '10000',
      // Every spec returns from ZaloPay to 127.0.0.1 too: no limit a whole run could reach.
      REDIRECT_REPORTS_PER_MINUTE: '10000',
      // The merchant shop of merchant-shop.spec.ts: where its orders return, where its webhooks go.
      MERCHANT_RETURN_ORIGINS: E2E_SHOP_ORIGIN,
      MERCHANT_WEBHOOK_URL: `${E2E_SHOP_ORIGIN}/webhooks/checkout`,
      MERCHANT_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
    },
  },
});
