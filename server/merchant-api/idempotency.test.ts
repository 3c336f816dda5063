// Idempotency-Key on POST /api/v1/orders over real HTTP on both databases, with two app instances on one
// database: a repeat answers the first answer on either instance, another body 409, keys scoped per API
// key, and 20 concurrent requests with one key make one order.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchantOrders } from '../../db/schema';
import { testDatabaseDrivers } from '../testing/test-database';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import {
  serveMerchantApi,
  TEST_MERCHANT_ORDER as ORDER,
  type ServedMerchantApi,
} from '../testing/merchant-api-harness';

describe.each(testDatabaseDrivers())('Idempotency-Key on %s', (driver) => {
  let harness: ServiceHarness;
  let second: ServiceHarness;
  let api: ServedMerchantApi;
  let otherInstance: ServedMerchantApi;

  beforeAll(async () => {
    harness = await startServiceHarness(driver);
    api = await serveMerchantApi(harness);
    second = await startServiceHarness(driver, {
      database: harness.database,
      emulator: harness.emulator,
      clock: harness.clock,
    });
    otherInstance = await serveMerchantApi(second, { key: api.key });
  });
  afterAll(async () => {
    await otherInstance?.close();
    await api?.close();
    await second?.close();
    await harness?.close();
  });

  async function ordersCount() {
    const [row] = await harness.database.db.select({ n: count() }).from(merchantOrders);
    return row?.n ?? 0;
  }

  it('answers a repeat with the first answer, on either instance', async () => {
    const headers = { 'idempotency-key': `repeat-${driver}` };
    const first = await api.call('POST', '/orders', ORDER, headers);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const before = await ordersCount();
    const reordered = { ...ORDER, metadata: ORDER.metadata, lines: ORDER.lines };
    for (const instance of [api, otherInstance]) {
      const again = await instance.call('POST', '/orders', reordered, headers);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(firstBody);
    }
    expect(await ordersCount()).toBe(before);
  });

  it('answers a repeated 400 again, and 409 for the key with another body', async () => {
    const headers = { 'idempotency-key': `bad-${driver}` };
    const bad = { lines: [{ name: 'x', unit_price: -1, quantity: 1 }] };
    expect((await api.call('POST', '/orders', bad, headers)).status).toBe(400);
    const again = await api.call('POST', '/orders', bad, headers);
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await api.call('POST', '/orders', ORDER, headers);
    expect(other.status).toBe(409);
    expect((await other.json()).error).toMatchObject({
      code: 'idempotency_key_reused',
      field: 'Idempotency-Key',
    });
  });

  it('scopes keys per API key, and refuses a malformed key', async () => {
    const headers = { 'idempotency-key': `scoped-${driver}` };
    const mine = await (await api.call('POST', '/orders', ORDER, headers)).json();
    const otherKey = await serveMerchantApi(harness);
    try {
      const theirs = await otherKey.call('POST', '/orders', ORDER, headers);
      expect(theirs.status).toBe(201);
      expect((await theirs.json()).order_id).not.toBe(mine.order_id);
    } finally {
      await otherKey.close();
    }
    const malformed = await api.call('POST', '/orders', ORDER, { 'idempotency-key': 'ä' });
    expect(malformed.status).toBe(400);
  });

  it('makes one order of 20 concurrent requests with one key on two instances', async () => {
    const headers = { 'idempotency-key': `race-${driver}` };
    const before = await ordersCount();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? api : otherInstance).call('POST', '/orders', ORDER, headers),
      ),
    );
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    expect(new Set(bodies.map((body) => body.order_id)).size).toBe(1);
    expect(await ordersCount()).toBe(before + 1);
    const [stored] = await harness.database.db
      .select()
      .from(merchantOrders)
      .where(eq(merchantOrders.id, bodies[0].order_id));
    expect(stored?.merchantReference).toBe('WC-10023');
  });
});
