// The operator hands a shop its merchant API key: signs in, opens API keys, creates a key for a shop
// whose name holds markup (shown as text), copies the key shown once, sees the shop's server use it, then
// revokes it after a confirmation step and the API refuses it. The token matches playwright.config.ts.
import { test, expect } from './fixtures';
import { expectNoAxeViolations } from './axe';

const ADMIN_TOKEN = 'e2e-operator-token-0123456789';
const NAME = `Shop <img src=x onerror=alert(1)> ${Date.now()}`;

test('an operator creates a merchant API key, the shop uses it, the operator revokes it', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/ops/api-keys');
  await expect(page).toHaveURL(/\/ops\/sign-in$/);
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'Merchant API keys' })).toBeVisible();

  await page.getByLabel('Name (the shop or system that will use it)').fill(NAME);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('heading', { name: `New key for ${NAME}` })).toBeVisible();
  const key = (await page.getByTestId('new-api-key').textContent()) ?? '';
  expect(key).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page, 'API keys with a new key');

  const events = await page.request.get('/api/v1/events', {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(events.status()).toBe(200);

  await page.getByRole('link', { name: 'API keys' }).click();
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toContainText(`ck_…${key.slice(-4)}`);
  await expect(page.getByText(key)).toHaveCount(0);
  await row.getByRole('link', { name: 'Revoke…' }).click();
  await expect(page.getByRole('heading', { name: `Revoke the key of ${NAME}?` })).toBeVisible();
  await expectNoAxeViolations(page, 'API key revocation');
  await page.getByRole('button', { name: 'Revoke this key' }).click();
  await expect(page.getByText('Key revoked.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: NAME })).not.toContainText('Revoke…');

  const refused = await page.request.get('/api/v1/events', {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(refused.status()).toBe(401);
  expect(dialogs).toEqual([]);
});
