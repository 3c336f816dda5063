// The user's frontend guide promises that its example code works: a shop that pastes
// handleZaloPayPayment (e2e/frontend-guide/, verbatim) into its page gets sent to ZaloPay, and the
// guide's status endpoint then answers from the server's record. In emulator mode ACCEPT_CLIENT_AMOUNTS
// is on by default, so the guide's {amount, order_info} makes a one-off order for that amount.
import { expect, test } from './fixtures';
import { E2E_EMULATOR_URL } from './ports';

// A shop would serve the example from its own script file; injected here as a script tag, it needs CSP
// out of the way (the checkout's CSP allows only its own scripts).
test.use({ bypassCSP: true });

test("the guide's example code, verbatim, starts a payment the shop can verify", async ({
  page,
  request,
  emulator,
}) => {
  await page.goto('/');
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div id="loading-spinner" style="display:none">…</div><p id="error-message"></p>',
    );
  });
  await page.addScriptTag({ path: 'e2e/frontend-guide/handle-zalopay-payment.js' });

  await page.evaluate("void handleZaloPayPayment(50000, 'Payment for Order #12345')");
  await page.waitForURL(new RegExp(`^${E2E_EMULATOR_URL}/openinapp\\?order=`));

  const order = (await emulator.orders()).find((o) => o.order_url === page.url());
  expect(order, 'the emulator holds the order the guide code was sent to').toBeDefined();
  expect(order).toMatchObject({ amount: 50_000, description: 'Payment for Order #12345' });

  await emulator.pay(order!.app_trans_id);
  await expect
    .poll(async () => (await request.get(`/api/payment/status/${order!.app_trans_id}`)).json())
    .toMatchObject({ status: 'PAID', amount: 50_000 });
});
