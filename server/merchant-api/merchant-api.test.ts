// The merchant API's door and its routes over real HTTP, on every database: only a key's hash is stored;
// missing, malformed, unknown and revoked keys get one identical 401; the per-key limit; the events
// feed's pages; refunds under the operator's rules. Two instances: merchant-api-instances.test.ts.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/query-rows';
import { z } from 'zod';
import { hashApiKey, issueApiKey, revokeApiKey } from '../api-keys/api-keys';
import type { ServedApp } from '../testing/app-harness';
import {
  paidMerchantOrder,
  serveMerchantApiInstance as serveMerchantApi,
} from '../testing/merchant-api-instance';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { testDatabaseDrivers } from '../testing/test-database';
import { UNAUTHORIZED_MESSAGE } from './api-key-auth';

const UNAUTHORIZED = { error: { code: 'unauthorized', message: UNAUTHORIZED_MESSAGE } };

describe.each(testDatabaseDrivers())('the merchant API on %s', (driver) => {
  let harness: ServiceHarness;
  let api: ServedApp;
  let key: string;

  beforeAll(async () => {
    harness = await startServiceHarness(driver);
    api = await serveMerchantApi(harness);
    key = (await issueApiKey(harness.database.db, 'Test shop')).key;
  });
  afterAll(async () => {
    await api?.close();
    await harness?.close();
  });

  const get = (path: string, authorization?: string) =>
    fetch(`${api.url}${path}`, authorization ? { headers: { authorization } } : {});
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('stores only the SHA-256 of a key, never the key', async () => {
    const issued = await issueApiKey(harness.database.db, 'Hash check');
    expect(issued.key).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
    expect(issued.lastFour).toBe(issued.key.slice(-4));
    const rows = await queryRows(
      harness.database.db,
      sql`select row_to_json(k)::text as row, key_hash from merchant_api_keys k where id = ${issued.id}`,
      z.object({ row: z.string(), key_hash: z.string() }),
    );
    expect(rows[0]?.key_hash).toBe(hashApiKey(issued.key));
    expect(rows[0]?.row).not.toContain(issued.key);
    expect(rows[0]?.row).not.toContain(issued.key.slice(3, 20));
    // The table itself refuses a key stored in the clear, or an empty name; the same row with a
    // digest and a name is taken.
    await harness.database.db.execute(
      sql`insert into merchant_api_keys (name, key_hash, last_four) values ('ok', ${'e'.repeat(64)}, 'abcd')`,
    );
    await expect(
      harness.database.db.execute(
        sql`insert into merchant_api_keys (name, key_hash, last_four) values ('x', ${issued.key}, 'abcd')`,
      ),
    ).rejects.toThrow();
    await expect(
      harness.database.db.execute(
        sql`insert into merchant_api_keys (name, key_hash, last_four) values ('', ${'0'.repeat(64)}, 'abcd')`,
      ),
    ).rejects.toThrow();
    await expect(issueApiKey(harness.database.db, 'tab\there')).rejects.toThrow(
      'must not contain control characters',
    );
  });

  it('answers one identical 401 for a missing, malformed, unknown or revoked key', async () => {
    const revoked = await issueApiKey(harness.database.db, 'Soon revoked');
    expect((await get('/api/v1/events', `Bearer ${revoked.key}`)).status).toBe(200);
    expect(await revokeApiKey(harness.database.db, revoked.id)).toBe('revoked');
    const unknown = `ck_${'A'.repeat(43)}`;
    const attempts = [
      undefined,
      'Bearer',
      `Basic ${Buffer.from(`x:${key}`).toString('base64')}`,
      `Bearer ${key}x`,
      `Bearer  ${key}`,
      'Bearer not-a-key',
      `Bearer ${unknown}`,
      `Bearer ${revoked.key}`,
    ];
    for (const authorization of attempts) {
      const answer = await get('/api/v1/events', authorization);
      expect(answer.status, String(authorization)).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="merchant-api"');
      const text = await answer.text();
      expect(JSON.parse(text)).toEqual(UNAUTHORIZED);
      expect(text).not.toContain(revoked.key);
    }
    expect(await revokeApiKey(harness.database.db, revoked.id)).toBe('already_revoked');
  });

  it('hides which routes exist from a caller without a key', async () => {
    expect((await get('/api/v1/no-such-route')).status).toBe(401);
    const known = await get('/api/v1/no-such-route', `Bearer ${key}`);
    expect(known.status).toBe(404);
    expect(await known.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses a body over the size limit and one that is not JSON, naming neither a 500', async () => {
    const big = await post('/api/v1/orders/X/refunds', { reason: 'x'.repeat(70_000), amount: 1 });
    expect(big.status).toBe(413);
    const malformed = await post('/api/v1/orders/X/refunds', '{"amount": 1,');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'malformed_json' } });
  });

  it('refunds a paid order under the operator rules: never more than is left', async () => {
    const { orderId } = await paidMerchantOrder(harness);
    const first = await post(
      `/api/v1/orders/${orderId}/refunds`,
      { amount: 20_000, reason: 'one bánh mì was cold' },
      { 'idempotency-key': 'refund-1' },
    );
    expect(first.status).toBe(201);
    const refund = (await first.json()) as Record<string, unknown>;
    expect(refund).toMatchObject({
      order_id: orderId,
      amount: 20_000,
      reason: 'one bánh mì was cold',
    });
    expect(['PENDING', 'PROCESSING', 'SUCCEEDED']).toContain(refund.status);
    const again = await post(
      `/api/v1/orders/${orderId}/refunds`,
      { amount: 20_000, reason: 'one bánh mì was cold' },
      { 'idempotency-key': 'refund-1' },
    );
    expect(((await again.json()) as Record<string, unknown>).refund_id).toBe(refund.refund_id);

    const tooMuch = await post(`/api/v1/orders/${orderId}/refunds`, {
      amount: 40_001,
      reason: 'everything',
    });
    expect(tooMuch.status).toBe(409);
    expect(await tooMuch.json()).toMatchObject({
      error: { code: 'exceeds_refundable', field: 'amount' },
    });
    const rest = await post(`/api/v1/orders/${orderId}/refunds`, {
      amount: 40_000,
      reason: 'the rest',
    });
    expect(rest.status).toBe(201);
  });

  it('answers 400 naming the field, 404 for an unknown order and 409 for an unpaid one', async () => {
    const unpaid = await harness.service.createOrder([{ sku: 'banh-mi', quantity: 1 }]);
    const cases: Array<[unknown, string]> = [
      [{ amount: '1000', reason: 'r' }, 'amount'],
      [{ amount: 10.5, reason: 'r' }, 'amount'],
      [{ amount: -1, reason: 'r' }, 'amount'],
      [{ amount: 1000 }, 'reason'],
      [{ amount: 1000, reason: 'x'.repeat(101) }, 'reason'],
      [[1, 2], 'body'],
    ];
    for (const [body, field] of cases) {
      const answer = await post(`/api/v1/orders/${unpaid.orderId}/refunds`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(await answer.json()).toMatchObject({ error: { code: 'invalid_input', field } });
    }
    const unknown = await post('/api/v1/orders/ZZZZZZZZZZ/refunds', { amount: 1000, reason: 'r' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const notPaid = await post(`/api/v1/orders/${unpaid.orderId}/refunds`, {
      amount: 1000,
      reason: 'r',
    });
    expect(notPaid.status).toBe(409);
    expect(await notPaid.json()).toMatchObject({ error: { code: 'order_not_paid' } });
  });

  it('pages through the events in order, and names a bad cursor or limit', async () => {
    await paidMerchantOrder(harness);
    await paidMerchantOrder(harness);
    const all: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const query = cursor ? `?limit=2&starting_after=${cursor}` : '?limit=2';
      const answer = await get(`/api/v1/events${query}`, `Bearer ${key}`);
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { data: Array<{ id: string }>; has_more: boolean };
      expect(body.data.length).toBeLessThanOrEqual(2);
      all.push(...body.data.map((event) => event.id));
      cursor = body.data.at(-1)?.id;
      if (!body.has_more) break;
    }
    const everything = (await (await get('/api/v1/events?limit=100', `Bearer ${key}`)).json()) as {
      data: Array<{ id: string; type: string }>;
    };
    expect(all).toEqual(everything.data.map((event) => event.id));
    expect(
      everything.data.filter((event) => event.type === 'order.paid').length,
    ).toBeGreaterThanOrEqual(3);
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
      ['?starting_after=evt_nothex', 'starting_after'],
      [`?starting_after=evt_${'0'.repeat(32)}`, 'starting_after'],
    ] as const) {
      const answer = await get(`/api/v1/events${query}`, `Bearer ${key}`);
      expect(answer.status, query).toBe(400);
      expect(await answer.json()).toMatchObject({ error: { code: 'invalid_input', field } });
    }
  });

  it('answers 429 past the per-key limit, for that key only', async () => {
    const limited = await serveMerchantApi(harness, { requestsPerMinute: 3 });
    try {
      const other = (await issueApiKey(harness.database.db, 'Other shop')).key;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (
            await fetch(`${limited.url}/api/v1/events`, {
              headers: { authorization: `Bearer ${key}` },
            })
          ).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const refused = await fetch(`${limited.url}/api/v1/events`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
      const otherAnswer = await fetch(`${limited.url}/api/v1/events`, {
        headers: { authorization: `Bearer ${other}` },
      });
      expect(otherAnswer.status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
