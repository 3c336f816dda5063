// The emulator's request inspector, as a developer of any language uses it: a create request built by
// hand with a bad MAC shows the expected and the received MAC and the exact signed string, and the
// page updates by itself when the next request arrives.
import { createHmac, randomBytes } from 'node:crypto';
import { test, expect } from './fixtures';
import { E2E_EMULATOR_URL } from './ports';

/** The public sandbox key1 of app 2553, the app the embedded emulator's merchant uses. */
const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

function vietnamYymmdd(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: '2-digit',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(epochMs));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

test('a bad MAC shows the expected and received MAC and the signed string, live', async ({
  page,
  request,
}) => {
  const now = Date.now();
  const appTransId = `${vietnamYymmdd(now)}_insp${randomBytes(4).toString('hex')}`;
  const embedData = '{"redirecturl":"https://shop.example/result"}';
  const signedString = `2553|${appTransId}|inspector-user|42000|${now}|${embedData}|[]`;
  // The classic slip: item and embed_data swapped in the signed string.
  const swappedMac = hmac(
    KEY1_2553,
    `2553|${appTransId}|inspector-user|42000|${now}|[]|${embedData}`,
  );
  const order = {
    app_id: 2553,
    app_user: 'inspector-user',
    app_trans_id: appTransId,
    app_time: now,
    amount: 42000,
    description: 'Inspector check',
    item: '[]',
    embed_data: embedData,
  };

  const rejected = await request.post(`${E2E_EMULATOR_URL}/v2/create`, {
    data: { ...order, mac: swappedMac },
  });
  expect(await rejected.json()).toMatchObject({ return_code: 2, sub_return_code: -402 });

  await page.goto(`${E2E_EMULATOR_URL}/inspector?app_trans_id=${appTransId}`);
  await expect(page.getByRole('heading', { name: 'Request inspector' })).toBeVisible();
  const entries = page.getByTestId('entry');
  await expect(entries).toHaveCount(1);
  const bad = entries.first();
  await expect(bad.getByRole('heading')).toContainText(`create  app 2553  ${appTransId}`);
  await expect(bad.getByTestId('signed-string')).toHaveText(signedString);
  await expect(bad.getByTestId('expected-mac')).toHaveText(hmac(KEY1_2553, signedString));
  await expect(bad.getByTestId('received-mac')).toHaveText(swappedMac);
  await expect(bad.getByText('Received MAC (does not match)')).toBeVisible();
  await expect(bad.getByTestId('hints')).toContainText(
    'wrong order: app_id|app_trans_id|app_user|amount|app_time|item|embed_data',
  );
  await expect(bad.getByTestId('answer')).toContainText('-402');

  // The corrected request appears without a reload, above the rejected one.
  const accepted = await request.post(`${E2E_EMULATOR_URL}/v2/create`, {
    data: { ...order, mac: hmac(KEY1_2553, signedString) },
  });
  expect(await accepted.json()).toMatchObject({ return_code: 1 });
  await expect(entries).toHaveCount(2);
  await expect(entries.first().getByText('Received MAC (matches)')).toBeVisible();
  await expect(entries.first().getByTestId('answer')).toContainText('"return_code": 1');

  // The filter box narrows the list as one types.
  await page.getByLabel('Filter by app_trans_id').fill(`${appTransId}-nothing-else`);
  await expect(page.getByText('Nothing yet')).toBeVisible();
});
