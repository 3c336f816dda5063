// Issue 16, item 4: what GET /admin/requests (and so /inspector) tells a developer about each exchange:
// the raw request, the signed string with the expected and received MAC, the answer, callbacks with
// every delivery and reply, redirects, and plain words for the common mistakes.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { startMerchantReceiver } from '../../testing/merchant-receiver';
import type { MerchantReceiver } from '../../testing/merchant-receiver';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const KEY2_2553 = 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz';
/** 2024-01-01 17:30 UTC: 2024-01-02 in Vietnam, still 240101 on a UTC host. */
const NOW = Date.UTC(2024, 0, 1, 17, 30);
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

const entrySchema = z.object({
  id: z.number(),
  kind: z.enum(['api', 'callback', 'redirect']),
  endpoint: z.string(),
  app_id: z.number().nullable(),
  app_trans_id: z.string().nullable(),
  raw: z
    .object({
      method: z.string(),
      url: z.string(),
      content_type: z.string().nullable(),
      body: z.string(),
    })
    .nullable(),
  mac: z
    .object({
      formula: z.string(),
      signed_string: z.string(),
      key: z.string(),
      expected: z.string(),
      received: z.string(),
      matches: z.boolean(),
    })
    .nullable(),
  response: z.record(z.string(), z.unknown()).nullable(),
  note: z.string(),
  hints: z.array(z.string()),
  deliveries: z
    .array(
      z.object({
        attempt: z.number(),
        http_status: z.number().nullable(),
        reply: z.string().nullable(),
        accepted: z.boolean(),
      }),
    )
    .nullable(),
});
type Entry = z.infer<typeof entrySchema>;

let emulator: RunningEmulator;
let merchant: MerchantReceiver | undefined;
beforeEach(async () => {
  emulator = await startEmulator({ now: () => NOW, settings: { callbackRetryIntervalMs: 10 } });
});
afterEach(async () => {
  await emulator.close();
  await merchant?.close();
  merchant = undefined;
});

async function requests(appTransId?: string): Promise<Entry[]> {
  const query = appTransId ? `?app_trans_id=${encodeURIComponent(appTransId)}` : '';
  const body: unknown = await (await fetch(`${emulator.url}/admin/requests${query}`)).json();
  return z.object({ requests: z.array(entrySchema) }).parse(body).requests;
}

const EMBED = '{"redirecturl":"https://shop.example/r"}';
function order(appTransId: string, overrides: Record<string, unknown> = {}) {
  const input = `2553|${appTransId}|user123|50000|${NOW}|${EMBED}|[]`;
  return {
    app_id: 2553,
    app_user: 'user123',
    app_trans_id: appTransId,
    app_time: NOW,
    amount: 50000,
    description: 'Inspector test',
    item: '[]',
    embed_data: EMBED,
    mac: hmac(KEY1_2553, input),
    ...overrides,
  };
}

async function create(body: Record<string, unknown>) {
  const response = await fetch(`${emulator.url}/v2/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return z.record(z.string(), z.unknown()).parse(await response.json());
}

describe('an API call in the request log', () => {
  it('shows the raw request, the signed string, the expected and received MAC and the answer', async () => {
    const wrong = hmac(KEY1_2553, '2553|240102_badmac|user123|50000|1|{}|[]');
    const answer = await create(order('240102_badmac', { mac: wrong }));
    expect(answer.sub_return_code).toBe(-402);

    const [entry] = await requests('240102_badmac');
    expect(entry).toMatchObject({
      kind: 'api',
      endpoint: 'create',
      app_id: 2553,
      app_trans_id: '240102_badmac',
      raw: { method: 'POST', url: '/v2/create', content_type: 'application/json' },
      mac: {
        formula: 'app_id|app_trans_id|app_user|amount|app_time|embed_data|item',
        signed_string: `2553|240102_badmac|user123|50000|${NOW}|${EMBED}|[]`,
        key: 'key1',
        expected: hmac(KEY1_2553, `2553|240102_badmac|user123|50000|${NOW}|${EMBED}|[]`),
        received: wrong,
        matches: false,
      },
      response: { return_code: 2, sub_return_code: -402 },
    });
    expect(entry?.raw?.body).toContain('"app_trans_id":"240102_badmac"');
  });

  it('names a MAC over the right fields in the wrong order', async () => {
    // item before embed_data: a common slip when building the string by hand.
    const swapped = hmac(KEY1_2553, `2553|240102_order|user123|50000|${NOW}|[]|${EMBED}`);
    await create(order('240102_order', { mac: swapped }));
    const [entry] = await requests('240102_order');
    expect(entry?.hints.join(' ')).toContain(
      'wrong order: app_id|app_trans_id|app_user|amount|app_time|item|embed_data',
    );
  });

  it('names a MAC made with key2, and one in uppercase hex', async () => {
    const input = (id: string) => `2553|${id}|user123|50000|${NOW}|${EMBED}|[]`;
    await create(order('240102_keys', { mac: hmac(KEY2_2553, input('240102_keys')) }));
    const upper = hmac(KEY1_2553, input('240102_upper')).toUpperCase();
    await create(order('240102_upper', { mac: upper }));
    expect((await requests('240102_keys'))[0]?.hints.join(' ')).toContain('computed with key2');
    expect((await requests('240102_upper'))[0]?.hints.join(' ')).toContain('uppercase hex');
  });

  it('masks the key inside the signed string of a query (app_id|app_trans_id|key1)', async () => {
    await fetch(`${emulator.url}/v2/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ app_id: 2553, app_trans_id: '240102_q', mac: 'f'.repeat(64) }),
    });
    const [entry] = await requests('240102_q');
    expect(entry?.mac?.signed_string).toBe('2553|240102_q|{key1}');
    expect(JSON.stringify(entry)).not.toContain(KEY1_2553);
  });

  it('explains the UTC date prefix, the amount as a string and item that is not a JSON array', async () => {
    const appTransId = '240101_utc';
    const input = `2553|${appTransId}|user123|50000|${NOW}|${EMBED}|[]`;
    const accepted = await create(
      order(appTransId, { amount: '50000', mac: hmac(KEY1_2553, input) }),
    );
    expect(accepted.return_code).toBe(1);
    const hints = (await requests(appTransId))[0]?.hints.join(' ') ?? '';
    expect(hints).toContain('is the UTC date');
    expect(hints).toContain('240102');
    expect(hints).toContain('amount arrived as the JSON string "50000"');

    const single = '{"itemid":"sku1","itemprice":50000}';
    const rejected = await create(order('240102_item', { item: single }));
    expect(rejected.sub_return_code).toBe(-401);
    expect((await requests('240102_item'))[0]?.hints.join(' ')).toContain(
      'item is JSON but not a JSON array',
    );
  });

  it('filters by app_trans_id', async () => {
    await create(order('240102_one'));
    await create(order('240102_two'));
    const filtered = await requests('240102_two');
    expect(filtered.map((entry) => entry.app_trans_id)).toEqual(['240102_two']);
    expect((await requests()).length).toBeGreaterThanOrEqual(2);
  });
});

describe('a callback and a redirect in the request log', () => {
  it('shows each delivery with the merchant reply, and says the reply used the wrong field names', async () => {
    merchant = await startMerchantReceiver(() => ({
      status: 200,
      body: '{"code":1,"status":"ok"}',
    }));
    await create(order('240102_cb', { callback_url: merchant.url }));
    await fetch(`${emulator.url}/admin/orders/240102_cb/pay`, { method: 'POST' });
    await fetch(`${emulator.url}/admin/callbacks/settle`, { method: 'POST' });

    const entries = await requests('240102_cb');
    const callback = entries.find((entry) => entry.kind === 'callback');
    expect(callback?.deliveries).toHaveLength(4);
    expect(callback?.deliveries?.[0]).toMatchObject({
      http_status: 200,
      reply: '{"code":1,"status":"ok"}',
      accepted: false,
    });
    expect(callback?.hints.join(' ')).toContain('no return_code (fields: code, status)');
    const data = callback?.mac?.signed_string ?? '';
    expect(callback?.mac?.expected).toBe(hmac(KEY2_2553, data));
    expect(callback?.raw?.body).toContain('"type":1');

    const redirect = entries.find((entry) => entry.kind === 'redirect');
    expect(redirect?.mac?.signed_string).toBe('2553|240102_cb|38||50000|0|1');
    expect(redirect?.raw?.url).toContain(
      `checksum=${hmac(KEY2_2553, '2553|240102_cb|38||50000|0|1')}`,
    );
  });

  it('says why nothing was sent when the order and the app have no callback URL', async () => {
    await create(order('240102_nocb'));
    await fetch(`${emulator.url}/admin/orders/240102_nocb/pay`, { method: 'POST' });
    const callback = (await requests('240102_nocb')).find((entry) => entry.kind === 'callback');
    expect(callback?.hints.join(' ')).toContain('give the order a callback_url');
  });
});

describe('GET /inspector', () => {
  it('is an HTML page under a nonce CSP that forbids framing, with the filter escaped', async () => {
    const response = await fetch(`${emulator.url}/inspector?app_trans_id=%22%3E%3Cscript%3Ex`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const page = await response.text();
    expect(page).toContain(`<script nonce="${nonce ?? ''}">`);
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;x"');
    expect(page).not.toContain('"><script>x');
  });

  it('gateway pages may not be framed either, and run only their own inline blocks', async () => {
    const response = await fetch(`${emulator.url}/openinapp?order=nothing`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toContain('unsafe-inline');
  });
});
