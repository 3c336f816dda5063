// Two instances of the merchant API on one PostgreSQL (two apps, two connection pools): a key revoked
// through one is refused by the other on its next request, and the events feed read on one never
// passes an event that another connection's transaction commits late.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/create-db';
import { issueApiKey, revokeApiKey } from '../api-keys/api-keys';
import type { ServedApp } from '../testing/app-harness';
import { serveMerchantApiInstance as serveMerchantApi } from '../testing/merchant-api-instance';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { openSecondHandle, testDatabaseDrivers } from '../testing/test-database';

describe.runIf(testDatabaseDrivers().includes('postgres'))(
  'two instances on one PostgreSQL',
  () => {
    let harness: ServiceHarness;
    let second: DatabaseHandle;
    let a: ServedApp;
    let b: ServedApp;

    beforeAll(async () => {
      harness = await startServiceHarness('postgres');
      second = await openSecondHandle(harness.databaseUrl!);
      a = await serveMerchantApi(harness);
      b = await serveMerchantApi(harness, { database: second });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await second?.close();
      await harness?.close();
    });

    const status = async (app: ServedApp, key: string) =>
      (await fetch(`${app.url}/api/v1/events`, { headers: { authorization: `Bearer ${key}` } }))
        .status;

    it('refuses a key on every instance from the moment it is revoked', async () => {
      const issued = await issueApiKey(harness.database.db, 'Revoked on A');
      expect([await status(a, issued.key), await status(b, issued.key)]).toEqual([200, 200]);
      expect(await revokeApiKey(harness.database.db, issued.id)).toBe('revoked');
      expect([await status(b, issued.key), await status(a, issued.key)]).toEqual([401, 401]);
    });

    it('never lists an event behind the cursor: one committed late shows up after, not before', async () => {
      const key = (await issueApiKey(harness.database.db, 'Feed reader')).key;
      const read = async (after?: string) =>
        (
          (await (
            await fetch(
              `${b.url}/api/v1/events?limit=100${after ? `&starting_after=${after}` : ''}`,
              {
                headers: { authorization: `Bearer ${key}` },
              },
            )
          ).json()) as { data: Array<{ id: string }> }
        ).data.map((event) => event.id);
      const order = await harness.service.createOrder([{ sku: 'banh-mi', quantity: 1 }]);
      const insert = (db: DatabaseHandle['db'], id: string) =>
        db.execute(sql`insert into webhook_events (id, merchant_order_id, type, payload)
          values (${id}, ${order.orderId}, 'order.paid', ${JSON.stringify({ id, type: 'order.paid', created: 0, data: {} })}::jsonb)`);
      const early = `evt_${'a'.repeat(32)}`;
      const late = `evt_${'b'.repeat(32)}`;
      const before = await read();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const insertedEarly = new Promise<void>((resolve) => (inserted = resolve));
      const slow = harness.database.db.transaction(async (tx) => {
        await insert(tx, early);
        inserted();
        await held;
      });
      await insertedEarly;
      await insert(second.db, late);
      const during = await read(before.at(-1));
      expect(during).not.toContain(late);
      expect(during).not.toContain(early);
      release();
      await slow;
      expect(await read(before.at(-1))).toEqual([early, late]);
    });
  },
);
