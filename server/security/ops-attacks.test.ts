// The operator pages and /metrics under attack (issue 14, items 4 and 7): a NUL byte in an order id or a
// search is a 400 naming the field (it used to reach PostgreSQL and answer 500), and /metrics with
// METRICS_TOKEN set answers only its bearer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCheckout, type TestCheckout } from '../testing/test-checkout';

const ADMIN_TOKEN = 'ops-attacks-admin-token-0123456789';
const METRICS_TOKEN = 'ops-attacks-metrics-token-0123456789';

let running: TestCheckout;
let base: string;
let cookie: string;

beforeAll(async () => {
  running = await startTestCheckout('pglite', { ADMIN_TOKEN, METRICS_TOKEN });
  base = running.checkout.url;
  const signedIn = await fetch(`${base}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: ADMIN_TOKEN }),
    redirect: 'manual',
  });
  cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
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
