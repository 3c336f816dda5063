// Test support: a merchant's POST /v2/create to an emulator, signed by hand with a public sandbox app's
// key1 (node:crypto, no project helper), for the tests that rebuild real traffic byte for byte.
import { createHmac } from 'node:crypto';

const KEY1 = { 2553: 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL', 2554: 'sdngKKJmqEMzvh5QQcdD2A9XBSKUNaYn' };

export interface SandboxOrderInput {
  appId?: 2553 | 2554;
  appTransId: string;
  appUser?: string;
  appTime: number;
  amount?: number;
  embedData?: string;
  item?: string;
  /** More fields of the request (callback_url, redirect_url...), not signed. */
  extra?: Record<string, unknown>;
}

/** Creates the order as a JSON body; answers the create answer's exact text. */
export async function createSandboxOrder(
  url: string,
  input: SandboxOrderInput,
): Promise<{ text: string }> {
  const appId = input.appId ?? 2553;
  const appUser = input.appUser ?? 'user123';
  const amount = input.amount ?? 50000;
  const embedData = input.embedData ?? '{}';
  const item = input.item ?? '[]';
  const signed = `${appId}|${input.appTransId}|${appUser}|${amount}|${input.appTime}|${embedData}|${item}`;
  const body = {
    app_id: appId,
    app_user: appUser,
    app_trans_id: input.appTransId,
    app_time: input.appTime,
    amount,
    description: 'Real traffic test',
    item,
    embed_data: embedData,
    mac: createHmac('sha256', KEY1[appId]).update(signed, 'utf8').digest('hex'),
    ...input.extra,
  };
  const response = await fetch(`${url}/v2/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { text: await response.text() };
}
