// The callback ladder's events (domain-events.ts): every callback is reported received, and every one
// not applied is reported with the handler's own reason, which /metrics counts as its label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/create-db';
import { silentLogger } from '../../logger';
import { paymentCallbackBody } from '../../testing/callback-bodies';
import { SANDBOX_APP } from '../../testing/service-harness';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { signCallbackBody } from '../../zalopay';
import { handleCallback } from './callback-handler';
import type { PaymentsDomainEvent } from '../domain-events';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('pglite');
});
afterAll(() => database?.dispose());

async function eventsOf(rawBody: string, db: Database = database.db) {
  const events: PaymentsDomainEvent[] = [];
  const reply = await handleCallback(
    {
      db,
      key2: SANDBOX_APP.key2,
      log: silentLogger(),
      now: () => new Date(),
      events: { emit: (event) => events.push(event) },
    },
    rawBody,
  );
  return { status: reply.httpStatus, events };
}

const unknownOrder = {
  appTransId: '261121_no-such-order',
  amount: 50_000,
  zpTransId: 261121000000999,
};

describe('the callback events', () => {
  it('reports a MAC made with another key as bad_mac, and a body that is not JSON as unreadable', async () => {
    const forged = await eventsOf(paymentCallbackBody(unknownOrder, SANDBOX_APP.key1));
    expect(forged.status).toBe(400);
    expect(forged.events).toEqual([
      { type: 'callback_received' },
      { type: 'callback_rejected', reason: 'bad_mac', detail: 'mac_mismatch' },
    ]);

    const unreadable = await eventsOf('{"data": broken');
    expect(unreadable.status).toBe(400);
    expect(unreadable.events).toEqual([
      { type: 'callback_received' },
      { type: 'callback_rejected', reason: 'unreadable', detail: 'malformed_body' },
    ]);
  });

  it('reports a signed callback for an order we never made as unknown_order, acknowledged', async () => {
    const { status, events } = await eventsOf(paymentCallbackBody(unknownOrder));
    expect(status).toBe(200);
    expect(events).toEqual([
      { type: 'callback_received' },
      { type: 'callback_rejected', reason: 'unknown_order' },
    ]);
  });

  it('reports signed data that is not JSON as cannot_apply, acknowledged', async () => {
    const { status, events } = await eventsOf(signCallbackBody('not json', SANDBOX_APP.key2));
    expect(status).toBe(200);
    expect(events).toEqual([
      { type: 'callback_received' },
      { type: 'callback_rejected', reason: 'cannot_apply' },
    ]);
  });

  it('reports a database that fails as our_failure, answered 500 so ZaloPay retries', async () => {
    const broken = new Proxy({} as Database, {
      get() {
        throw new Error('connection lost');
      },
    });
    const { status, events } = await eventsOf(paymentCallbackBody(unknownOrder), broken);
    expect(status).toBe(500);
    expect(events).toEqual([
      { type: 'callback_received' },
      { type: 'callback_rejected', reason: 'our_failure' },
    ]);
  });
});
