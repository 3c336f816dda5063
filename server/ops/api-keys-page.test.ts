// The operator's API keys page on the whole running checkout, on every database: sign-in required,
// cross-site posts refused, a key shown once (and a hostile name escaped), the list without keys, a
// revocation after a confirmation step that the API obeys at once, on a second instance too; and no
// key in a log line or the metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLog, type CapturedLog } from '../testing/captured-log';
import { startTestCheckout, type TestCheckout } from '../testing/checkout-harness';
import { testDatabaseDrivers } from '../testing/test-database';

const ADMIN_TOKEN = 'api-keys-page-admin-token-0123456789';
const HOSTILE = '<script>alert("key")</script><img src=x onerror=alert(1)>';

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ token: ADMIN_TOKEN }).toString(),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function postForm(
  base: string,
  path: string,
  cookie: string,
  form: Record<string, string>,
  origin = base,
) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

async function createKey(base: string, cookie: string, name: string) {
  const answer = await postForm(base, '/ops/api-keys', cookie, { name });
  expect(answer.status).toBe(201);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  const html = await answer.text();
  const key = /data-testid="new-api-key">(ck_[A-Za-z0-9_-]{43})</.exec(html)?.[1];
  expect(key).toBeDefined();
  return { key: key!, html };
}

const apiStatus = async (base: string, key: string) =>
  (await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${key}` } })).status;

describe.each(testDatabaseDrivers())('the API keys page on %s', (driver) => {
  let running: TestCheckout;
  let logs: CapturedLog;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    logs = capturedLog('trace');
    running = await startTestCheckout(driver, { ADMIN_TOKEN, LOG_LEVEL: 'trace' }, logs.log);
    base = running.checkout.url;
    cookie = await signIn(base);
  });
  afterAll(async () => {
    await running?.close();
  });

  it('needs a session: no page, no create, no revoke without one', async () => {
    const page = await fetch(`${base}/ops/api-keys`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/ops/sign-in');
    expect(
      (await postForm(base, '/ops/api-keys', 'ops_session=forged', { name: 'x' })).status,
    ).toBe(401);
    const listed = await (await fetch(`${base}/ops/api-keys`, { headers: { cookie } })).text();
    expect(listed).not.toContain('>x<');
  });

  it('refuses a create or a revoke posted from another site', async () => {
    const created = await postForm(
      base,
      '/ops/api-keys',
      cookie,
      { name: 'cross' },
      'https://evil.example',
    );
    expect(created.status).toBe(403);
    const { key } = await createKey(base, cookie, 'Cross-site target');
    const listed = await (await fetch(`${base}/ops/api-keys`, { headers: { cookie } })).text();
    const id = /\/ops\/api-keys\/([0-9a-f-]{36})\/revoke/.exec(listed)?.[1];
    const revoked = await postForm(
      base,
      `/ops/api-keys/${id}/revoke`,
      cookie,
      {},
      'https://evil.example',
    );
    expect(revoked.status).toBe(403);
    expect(await apiStatus(base, key)).toBe(200);
  });

  it('shows a new key once, escapes a hostile name, lists keys by their last four only', async () => {
    const { key, html } = await createKey(base, cookie, HOSTILE);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
    expect(await apiStatus(base, key)).toBe(200);
    const listed = await (await fetch(`${base}/ops/api-keys`, { headers: { cookie } })).text();
    expect(listed).not.toContain(key);
    expect(listed).not.toContain('<script>alert');
    expect(listed).toContain(`ck_…${key.slice(-4)}`);
    const bad = await postForm(base, '/ops/api-keys', cookie, { name: '   ' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Key not created: name must not be empty');
  });

  it('revokes after a confirmation step, and the API refuses the key at once', async () => {
    const { key } = await createKey(base, cookie, 'To revoke');
    const listed = await (await fetch(`${base}/ops/api-keys`, { headers: { cookie } })).text();
    const row = listed.split('<tr>').find((part) => part.includes('To revoke'))!;
    const id = /\/ops\/api-keys\/([0-9a-f-]{36})\/revoke/.exec(row)?.[1];
    const confirm = await fetch(`${base}/ops/api-keys/${id}/revoke`, { headers: { cookie } });
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('Revoke this key');
    expect(await apiStatus(base, key)).toBe(200);
    const revoked = await postForm(base, `/ops/api-keys/${id}/revoke`, cookie, {});
    expect(revoked.status).toBe(303);
    expect(await apiStatus(base, key)).toBe(401);
    const after = await (
      await fetch(`${base}/ops/api-keys?notice=revoked`, { headers: { cookie } })
    ).text();
    expect(after).toContain('Key revoked.');
    expect(
      (await fetch(`${base}/ops/api-keys/not-an-id/revoke`, { headers: { cookie } })).status,
    ).toBe(404);
  });

  it('writes no key to a log line or the metrics', async () => {
    const { key } = await createKey(base, cookie, 'Quiet');
    await apiStatus(base, key);
    await fetch(`${base}/api/v1/nowhere`, { headers: { authorization: `Bearer ${key}x` } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).not.toContain(key.slice(3));
    const lines = JSON.stringify(logs.lines());
    expect(lines).toContain('operator created an API key');
    expect(lines).not.toContain(key.slice(3));
  });
});

describe.runIf(testDatabaseDrivers().includes('postgres'))('two instances', () => {
  let a: TestCheckout;
  let b: TestCheckout;

  beforeAll(async () => {
    a = await startTestCheckout('postgres', { ADMIN_TOKEN });
    b = await startTestCheckout('pglite', { ADMIN_TOKEN, DATABASE_URL: a.database!.url! });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a key revoked on one instance is refused by the other on the very next call', async () => {
    const cookie = await signIn(a.checkout.url);
    const { key } = await createKey(a.checkout.url, cookie, 'Shared');
    expect(await apiStatus(b.checkout.url, key)).toBe(200);
    const listed = await (
      await fetch(`${a.checkout.url}/ops/api-keys`, { headers: { cookie } })
    ).text();
    const id = /\/ops\/api-keys\/([0-9a-f-]{36})\/revoke/.exec(listed)?.[1];
    expect((await postForm(a.checkout.url, `/ops/api-keys/${id}/revoke`, cookie, {})).status).toBe(
      303,
    );
    expect(await apiStatus(b.checkout.url, key)).toBe(401);
    expect(await apiStatus(a.checkout.url, key)).toBe(401);
  });
});
