// Loopback ports for the end-to-end run, away from the defaults so a running `npm start` does not clash;
// E2E_APP_PORT and E2E_EMULATOR_PORT move them when two checkouts of the repository test side by side.
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 3101);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
/** The small merchant shop of merchant-shop.spec.ts (its own Express app on loopback). */
export const E2E_SHOP_PORT = Number(process.env.E2E_SHOP_PORT ?? E2E_APP_PORT + 2);
export const E2E_SHOP_ORIGIN = `http://127.0.0.1:${E2E_SHOP_PORT}`;
/** What the checkout signs its webhooks to the shop with (MERCHANT_WEBHOOK_SECRET). */
export const E2E_WEBHOOK_SECRET = 'e2e-merchant-webhook-secret-0123456789abcdef';
