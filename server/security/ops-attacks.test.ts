// The operator pages and /metrics under attack: a NUL byte in an order id or
// a search is a 400 naming the field (it used to reach PostgreSQL and answer 500); sessions live on the
// server, so signing out or revoking one ends it at once (the old cookie used to work for 8 h); only
// refused sign-ins count towards the limit; behind an https PUBLIC_BASE_URL without TRUST_PROXY the
// browser's own forms are accepted; and /metrics with METRICS_TOKEN set answers only its bearer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCheckout, type TestCheckout } from '../testing/checkout-harness';

const ADMIN_TOKEN = 'ops-attacks-admin-token-0123456789';
const METRICS_TOKEN = 'ops-attacks-metrics-token-0123456789';

let running: TestCheckout;
let base: string;
let cookie: string;

function signInAt(url: string, token: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ token }),
    redirect: 'manual',
  });
}

async function newSession(): Promise<string> {
  const signedIn = await signInAt(base, ADMIN_TOKEN);
  expect(signedIn.status).toBe(303);
  return (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const opsGet = (path: string, session: string) =>
  fetch(`${base}${path}`, { headers: { cookie: session }, redirect: 'manual' });
const opsPost = (path: string, session: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie: session, origin: base },
    redirect: 'manual',
  });

beforeAll(async () => {
  running = await startTestCheckout('pglite', { ADMIN_TOKEN, METRICS_TOKEN });
  base = running.checkout.url;
  cookie = await newSession();
});
afterAll(() => running?.close());

describe('operator pages and hostile input', () => {
  it.each([
    ['/ops/orders/260101_a%00b', 'appTransId'],
    ['/ops/orders/260101_a%01b', 'appTransId'],
    [`/ops/orders/${'x'.repeat(65)}`, 'appTransId'],
    ['/ops?q=a%00', 'q'],
    ['/ops?q=%00&status=PAID', 'q'],
  ])('%s answers 400 naming %s', async (path, field) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`${field}:`);
  });

  it('a NUL in a refund POST for an order id is a 400 too', async () => {
    const response = await fetch(`${base}/ops/orders/260101_a%00/refunds`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'amount=1000&description=x',
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
  });
});

describe('operator sessions', () => {
  it('signing out ends the session on the server: the old cookie no longer opens /ops', async () => {
    const session = await newSession();
    expect((await opsGet('/ops', session)).status).toBe(200);
    expect((await opsPost('/ops/sign-out', session)).status).toBe(303);
    const after = await opsGet('/ops', session);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/ops/sign-in');
  });

  it('lists the live sessions, and revoking another one ends it at once', async () => {
    const mine = await newSession();
    const theirs = await newSession();
    const page = await (await opsGet('/ops/sessions', mine)).text();
    const ids = [...page.matchAll(/\/ops\/sessions\/([0-9a-f-]{36})\/revoke/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(page).toContain('(this one)');

    // Revoke every session but mine (the row marked "this one"): theirs is among them.
    for (const id of ids) {
      const row = page.slice(page.lastIndexOf('<tr>', page.indexOf(`/ops/sessions/${id}/revoke`)));
      if (row.slice(0, row.indexOf('</tr>')).includes('(this one)')) continue;
      expect((await opsPost(`/ops/sessions/${id}/revoke`, mine)).status).toBe(303);
    }
    expect((await opsGet('/ops', theirs)).status).toBe(303);
    expect((await opsGet('/ops', mine)).status).toBe(200);
  });

  it('revoke asks first (naming the browser), then says it was done; a bad or dead id is refused', async () => {
    const mine = await newSession();
    const theirs = await newSession();
    const list = await (await opsGet('/ops/sessions', mine)).text();
    const ids = [...list.matchAll(/\/ops\/sessions\/([0-9a-f-]{36})\/revoke/g)].map((m) => m[1]!);
    const theirId = ids.at(-1)!;
    const question = await opsGet(`/ops/sessions/${theirId}/revoke`, mine);
    expect(question.status).toBe(200);
    const questionPage = await question.text();
    expect(questionPage).toContain('Revoke this session?');
    expect(questionPage).toContain('method="post"');
    // Asking changes nothing: the other browser is still signed in.
    expect((await opsGet('/ops', theirs)).status).toBe(200);

    const done = await opsPost(`/ops/sessions/${theirId}/revoke`, mine);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/ops/sessions?notice=revoked');
    const after = await (await opsGet('/ops/sessions?notice=revoked', mine)).text();
    expect(after).toContain('Session revoked: that browser is signed out.');
    expect((await opsGet(`/ops/sessions/${theirId}/revoke`, mine)).status).toBe(404);
    expect((await opsGet('/ops/sessions/not-a-uuid/revoke', mine)).status).toBe(404);
  });

  it('a forged or unknown session cookie opens nothing', async () => {
    for (const forged of ['ops_session=' + 'A'.repeat(43), 'ops_session=9999999999999.abc']) {
      expect((await opsGet('/ops', forged)).status).toBe(303);
    }
  });

  it('counts only refused sign-ins: 25 good ones lock nobody out, 20 bad ones do', async () => {
    const own = await startTestCheckout('pglite', { ADMIN_TOKEN });
    try {
      for (let i = 0; i < 25; i += 1) {
        expect((await signInAt(own.checkout.url, ADMIN_TOKEN)).status).toBe(303);
      }
      for (let i = 0; i < 20; i += 1) {
        expect((await signInAt(own.checkout.url, 'wrong-token-0123456789')).status).toBe(401);
      }
      expect((await signInAt(own.checkout.url, 'wrong-token-0123456789')).status).toBe(429);
    } finally {
      await own.close();
    }
  });

  it('behind an https PUBLIC_BASE_URL without TRUST_PROXY, the browser can sign in; another origin cannot', async () => {
    const proxied = await startTestCheckout('pglite', {
      ADMIN_TOKEN,
      PUBLIC_BASE_URL: 'https://shop.example.vn',
      ZALOPAY_MODE: 'emulator',
    });
    try {
      const url = proxied.checkout.url;
      const ours = await signInAt(url, ADMIN_TOKEN, { origin: 'https://shop.example.vn' });
      expect(ours.status).toBe(303);
      expect(ours.headers.get('set-cookie')).toMatch(/Secure/);
      const evil = await signInAt(url, ADMIN_TOKEN, { origin: 'https://evil.example' });
      expect(evil.status).toBe(403);
    } finally {
      await proxied.close();
    }
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  it.each([
    ['no Authorization', {}],
    ['a wrong token', { authorization: 'Bearer not-the-metrics-token-at-all' }],
    ['the admin token', { authorization: `Bearer ${ADMIN_TOKEN}` }],
    ['Basic instead of Bearer', { authorization: `Basic ${METRICS_TOKEN}` }],
  ])('refuses %s with 401', async (_label, headers: Record<string, string>) => {
    const response = await fetch(`${base}/metrics`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.text()).not.toContain('zalopay_checkout_');
  });

  it('answers its bearer', async () => {
    const response = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('zalopay_checkout_callbacks_received_total');
  });
});
