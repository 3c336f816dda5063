// Floods one client can send: live status streams are capped per client IP (900 of
// them used about 76 MB), and reportRedirect, which appends to the ledger, records each redirect once
// and lets a client IP report only so many a minute (about 80 rows a second made a 750 KB ops page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrder, startTestCheckout, type TestCheckout } from '../testing/checkout-harness';

const STREAMS = 3;
const REPORTS = 5;
const ADMIN_TOKEN = 'flood-limits-admin-token-0123456789';

let running: TestCheckout;
let base: string;

beforeAll(async () => {
  running = await startTestCheckout('pglite', {
    LIVE_STREAMS_PER_CLIENT: String(STREAMS),
    REDIRECT_REPORTS_PER_MINUTE: String(REPORTS),
    ADMIN_TOKEN,
  });
  base = running.checkout.url;
});
afterAll(() => running?.close());

function openStream(appTransId: string, signal: AbortSignal): Promise<Response> {
  const input = encodeURIComponent(JSON.stringify({ json: { appTransId } }));
  return fetch(`${base}/trpc/onStatusChange?input=${input}`, {
    headers: { accept: 'text/event-stream' },
    signal,
  });
}

describe('live status streams', () => {
  it(`lets one client hold ${STREAMS} at once, answers 429 past that, and frees a slot when one closes`, async () => {
    const order = await createOrder(base);
    const holders = Array.from({ length: STREAMS }, () => new AbortController());
    const open = await Promise.all(holders.map((h) => openStream(order.app_trans_id, h.signal)));
    expect(open.map((response) => response.status)).toEqual(open.map(() => 200));

    const extra = new AbortController();
    const refused = await openStream(order.app_trans_id, extra.signal);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_streams' } });

    holders[0]?.abort();
    const again = new AbortController();
    let admitted = 0;
    for (let attempt = 0; attempt < 50 && admitted !== 200; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const response = await openStream(order.app_trans_id, again.signal);
      admitted = response.status;
      if (admitted !== 200) await response.arrayBuffer();
    }
    expect(admitted).toBe(200);
    again.abort();
    for (const holder of holders) holder.abort();
  });
});

describe('redirect reports', () => {
  async function report(query: Record<string, string>): Promise<number> {
    const response = await fetch(`${base}/trpc/reportRedirect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { query } }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  async function redirectRowsOf(appTransId: string): Promise<number> {
    const signIn = await fetch(`${base}/ops/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: ADMIN_TOKEN }),
      redirect: 'manual',
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await (
      await fetch(`${base}/ops/orders/${appTransId}`, { headers: { cookie } })
    ).text();
    return page.split('Shopper came back from ZaloPay').length - 1;
  }

  it('records the same redirect once, and limits different ones per client', async () => {
    const order = await createOrder(base);
    const same = { apptransid: order.app_trans_id, status: '1', checksum: 'forged' };
    const repeated = await Promise.all(Array.from({ length: 20 }, () => report(same)));
    expect(repeated.every((status) => status === 200)).toBe(true);

    const different = [];
    for (let i = 0; i < REPORTS + 3; i += 1) {
      different.push(await report({ ...same, checksum: `forged-${i}` }));
    }
    // The first report spent one of the budget: REPORTS - 1 more get through, then 429.
    expect(different.filter((status) => status === 200)).toHaveLength(REPORTS - 1);
    expect(different.slice(REPORTS - 1).every((status) => status === 429)).toBe(true);
    expect(await redirectRowsOf(order.app_trans_id)).toBe(REPORTS);
  });
});
