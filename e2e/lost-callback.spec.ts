// ZaloPay's callback never arrives: the emulator drops it. The poller's query finds the payment, and the
// desktop page still turns to the receipt.
import { test, expect } from './fixtures';
import { qrCode, startPayment } from './checkout-page';

test('a dropped callback is recovered by querying ZaloPay and the page shows success', async ({
  page,
  emulator,
}) => {
  await page.goto('/');
  const { appTransId } = await startPayment(page);
  await expect(qrCode(page)).toBeVisible();

  await emulator.faults({ callbacks: { drop: 1 } });
  await emulator.pay(appTransId);

  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  const status = await page.request.get(`/api/payment/status/${appTransId}`);
  expect(await status.json()).toMatchObject({ status: 'PAID' });
  const truth = JSON.stringify(await emulator.order(appTransId));
  expect(truth).toMatch(/drop/i);
});
