// Issue 26, item 7: /ops/orders/{id}?notice=__proto__ answered 500 (the notice was looked up through the
// prototype); the sign-in lockout counts per client IP, so behind a proxy without TRUST_PROXY one
// stranger locked every operator out for 15 minutes. Now a browser that signed in before is counted
// on its own (a device cookie strangers cannot forge), and X-Forwarded-For while TRUST_PROXY is off is
// reported in the log and /readyz.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLog, type CapturedLog } from '../testing/captured-log';
import { createOrder, startTestCheckout, type TestCheckout } from '../testing/checkout-harness';
import { FORWARDED_WITHOUT_TRUST_PROXY } from './forwarded-header-watch';

const ADMIN_TOKEN = 'operator-lockout-admin-token-0123456789';
const WRONG = 'a-stranger-guessing-0123456789';

function signIn(url: string, token: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ token }),
    redirect: 'manual',
  });
}

/** The cookies a response sets, as a Cookie header. */
function cookiesOf(response: Response): Record<string, string> {
  return Object.fromEntries(
    response.headers.getSetCookie().map((line) => {
      const pair = line.split(';')[0] ?? '';
      return [pair.split('=')[0] ?? '', pair];
    }),
  );
}

let running: TestCheckout;
let base: string;
let captured: CapturedLog;
beforeAll(async () => {
  captured = capturedLog();
  running = await startTestCheckout(
    'pglite',
    { ADMIN_TOKEN, PUBLIC_BASE_URL: 'https://shop.example.vn', ZALOPAY_MODE: 'emulator' },
    captured.log,
  );
  base = running.checkout.url;
});
afterAll(() => running.close());

describe('notices on the order page', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'refund_requested'])(
    '?notice=%s answers the page, never a 500',
    async (notice) => {
      const order = await createOrder(base);
      const signedIn = await signIn(base, ADMIN_TOKEN, { origin: 'https://shop.example.vn' });
      const session = cookiesOf(signedIn).ops_session!;
      const page = await fetch(`${base}/ops/orders/${order.app_trans_id}?notice=${notice}`, {
        headers: { cookie: session },
      });
      expect(page.status).toBe(200);
      const html = await page.text();
      // None is a notice of its own; refund_requested shows only while a refund is in flight, and none is.
      expect(html.includes('class="notice"')).toBe(false);
    },
  );
});

describe('the sign-in lockout behind a proxy without TRUST_PROXY', () => {
  let device: string | undefined;
  it("lets an operator's browser that signed in before through a lockout strangers caused", async () => {
    const first = await signIn(base, ADMIN_TOKEN, { origin: 'https://shop.example.vn' });
    expect(first.status).toBe(303);
    device = cookiesOf(first).ops_device;
    expect(device).toMatch(/^ops_device=[\w-]{22}\.[\w-]{43}$/);
    expect(first.headers.getSetCookie().join('\n')).toMatch(
      /ops_device=.*Path=\/ops\/sign-in.*HttpOnly.*Secure.*SameSite=Strict/,
    );

    // A stranger behind the same proxy address: 20 refused attempts, then the address is locked.
    let refused = 0;
    for (let attempt = 0; attempt < 25; attempt += 1) {
      const answer = await signIn(base, WRONG, { 'x-forwarded-for': '203.0.113.66' });
      if (answer.status === 429) break;
      expect(answer.status).toBe(401);
      refused += 1;
    }
    expect(refused).toBe(20);
    expect((await signIn(base, ADMIN_TOKEN)).status).toBe(429);
    // A forged device cookie does not escape the lockout.
    const forged = `ops_device=${'A'.repeat(22)}.${'B'.repeat(43)}`;
    expect((await signIn(base, ADMIN_TOKEN, { cookie: forged })).status).toBe(429);

    // The operator's browser is counted on its own: the right token signs in.
    const again = await signIn(base, ADMIN_TOKEN, {
      cookie: device!,
      origin: 'https://shop.example.vn',
    });
    expect(again.status).toBe(303);
    expect(cookiesOf(again).ops_device).toBe(device);
  });

  it("locks a device cookie's own wrong guesses after 20, like an address", async () => {
    const signedIn = await signIn(base, ADMIN_TOKEN, { 'x-forwarded-for': '198.51.100.1' });
    // Same address, locked by the stranger above: no new device cookie from here.
    expect(signedIn.status).toBe(429);
    expect(device).toBeDefined();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) {
      statuses.push((await signIn(base, WRONG, { cookie: device! })).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await signIn(base, ADMIN_TOKEN, { cookie: device! })).status).toBe(429);
  });
});

describe('X-Forwarded-For while TRUST_PROXY is off', () => {
  it('is warned about at start (an https PUBLIC_BASE_URL), once in the log, and in /readyz', async () => {
    const lines = captured.lines();
    expect(
      lines.some((line) =>
        String(line.msg).startsWith('PUBLIC_BASE_URL is https but TRUST_PROXY is off'),
      ),
    ).toBe(true);
    const warned = lines.filter((line) => line.msg === FORWARDED_WITHOUT_TRUST_PROXY);
    expect(warned).toHaveLength(1);
    expect(warned[0]?.level).toBe(40);
    const readyz = (await (await fetch(`${base}/readyz`)).json()) as { warnings?: string[] };
    expect(readyz.warnings?.[0]).toContain('TRUST_PROXY is off');
  });

  it('is not reported with TRUST_PROXY set, nor before any request carries it', async () => {
    const log = capturedLog();
    const trusted = await startTestCheckout('pglite', { ADMIN_TOKEN, TRUST_PROXY: '1' }, log.log);
    const plain = await startTestCheckout('pglite', { ADMIN_TOKEN });
    try {
      await fetch(`${trusted.checkout.url}/healthz`, {
        headers: { 'x-forwarded-for': '203.0.113.1' },
      });
      for (const url of [trusted.checkout.url, plain.checkout.url]) {
        const readyz = (await (await fetch(`${url}/readyz`)).json()) as Record<string, unknown>;
        expect(readyz.status).toBe('ready');
        expect(readyz).not.toHaveProperty('warnings');
      }
      expect(log.lines().some((line) => String(line.msg).includes('TRUST_PROXY'))).toBe(false);
    } finally {
      await trusted.close();
      await plain.close();
    }
  });
});
