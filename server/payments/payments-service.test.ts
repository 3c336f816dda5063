// The payments service end to end over real HTTP: create against the emulator, pay on its gateway,
// the callback ladder, getStatus and watch, on every available database driver.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { paymentAttempts } from '../../db/schema';
import { testDatabaseDrivers } from '../testing/test-database';
import { createDb } from '../../db/create-db';
import { silentLogger } from '../logger';
import { signCallbackBody } from '../zalopay';
import { GatewayUnavailableError, InvalidPaymentInputError } from './errors';
import { createPaymentsService } from './payments-service';
import { SANDBOX_APP, startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import type { PaymentView } from './status/payment-view';

describe.each(testDatabaseDrivers())('payments service on %s', (driver) => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await startServiceHarness(driver);
  });
  afterAll(() => h.close());

  const create = (amount = 50_000, idempotencyKey?: string) =>
    h.service.payOneOff({ amount, description: 'Cà phê sữa đá', idempotencyKey });

  /** The callback ZaloPay would send for this order, signed with the app's key2. */
  async function signedCallback(appTransId: string, overrides: Record<string, unknown> = {}) {
    const row = await h.orderRow(appTransId);
    return signCallbackBody(
      {
        app_id: row.appId,
        app_trans_id: row.appTransId,
        app_time: row.appTime,
        app_user: row.appUser,
        amount: row.amount,
        embed_data: row.embedData,
        item: row.item,
        zp_trans_id: 260101000000000 + Math.floor(Math.random() * 1e9),
        server_time: h.clock.nowMs(),
        channel: 38,
        merchant_user_id: 'test-payer',
        zp_user_id: 'test-payer',
        user_fee_amount: 0,
        discount_amount: 0,
        ...overrides,
      },
      SANDBOX_APP.key2,
    );
  }

  it('creates a PENDING order with ZaloPay links and the exact signed strings stored', async () => {
    const view = await create(75_000);
    expect(view).toMatchObject({ status: 'PENDING', amount: 75_000 });
    // The description (a one-off order's order_info) stays on the server.
    expect(view).not.toHaveProperty('description');
    expect(view.orderUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openinapp\?order=/);
    expect(view.qrCode).toMatch(/^000201/);
    expect(view.expiresAt.getTime() - h.clock.nowMs()).toBeGreaterThan(290_000);

    const row = await h.orderRow(view.appTransId);
    expect(row).toMatchObject({ item: '[]', appId: SANDBOX_APP.appId, status: 'PENDING' });
    expect(JSON.parse(row.embedData)).toEqual({
      redirecturl: `${h.config.publicBaseUrl}/order/confirmation`,
    });
    const atGateway = await h.emulatorOrder(view.appTransId);
    expect(atGateway.status).toBe('pending');
    expect((await h.eventsOf(view.appTransId)).map((e) => e.kind)).toEqual([
      'created',
      'gateway_created',
    ]);
  });

  it('rejects amounts outside the configured bounds, naming the field, without recording anything', async () => {
    for (const amount of [999, 50_000_001, 1000.5]) {
      const error = await create(amount).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidPaymentInputError);
      expect(error).toMatchObject({ field: 'amount' });
    }
  });

  it('returns the same order for the same idempotency key, also for concurrent requests', async () => {
    const key = randomUUID();
    const views = await Promise.all([
      create(20_000, key),
      create(20_000, key),
      create(20_000, key),
    ]);
    const ids = new Set(views.map((v) => v.appTransId));
    expect(ids.size).toBe(1);
    expect(new Set(views.map((v) => v.orderUrl)).size).toBe(1);
    const again = await create(20_000, key);
    expect(again.appTransId).toBe(views[0]!.appTransId);
    expect(again.orderUrl).toBe(views[0]!.orderUrl);
  });

  it('refuses an idempotency key reused for a different payment', async () => {
    const key = randomUUID();
    await create(20_000, key);
    const error = await create(21_000, key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidPaymentInputError);
    expect(error).toMatchObject({ field: 'idempotencyKey' });
  });

  it('becomes PAID from the emulator callback, with exactly one fulfilment row', async () => {
    const view = await create();
    await h.pay(view.appTransId);
    const row = await h.orderRow(view.appTransId);
    expect(row).toMatchObject({ status: 'PAID', paidVia: 'callback', lateFlag: false });
    expect(row.zpTransId).toMatch(/^\d{15}$/);
    expect(await h.fulfilmentsOf(view.appTransId)).toHaveLength(1);
    const status = await h.service.getStatus(view.appTransId);
    expect(status).toMatchObject({ status: 'PAID', reason: null });
    expect(status!.paidAt).toBeInstanceOf(Date);
  });

  it('treats a repeated callback as a no-op: one transition, one outbox row, both acknowledged', async () => {
    const view = await create();
    await h.addFaults({ callbacks: { duplicate: 1 } });
    await h.pay(view.appTransId);
    const body = await signedCallback(view.appTransId, {
      zp_trans_id: Number((await h.orderRow(view.appTransId)).zpTransId),
    });
    const replies = await Promise.all([
      h.service.handleCallback(body),
      h.service.handleCallback(body),
    ]);
    for (const reply of replies)
      expect(reply).toEqual({
        httpStatus: 200,
        body: { return_code: 1, return_message: 'success' },
      });

    const events = await h.eventsOf(view.appTransId);
    const callbacks = events.filter((e) => e.kind === 'callback');
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]!.payload).toMatchObject({ effect: 'PENDING->PAID' });
    expect(await h.fulfilmentsOf(view.appTransId)).toHaveLength(1);
  });

  it('refuses a forged callback with HTTP 400 and changes nothing', async () => {
    const view = await create();
    const genuine = JSON.parse(await signedCallback(view.appTransId)) as {
      data: string;
      type: number;
    };
    const forged = JSON.stringify({ data: genuine.data, mac: 'a'.repeat(64), type: 1 });
    const signedWithKey1 = signCallbackBody(genuine.data, SANDBOX_APP.key1);

    for (const body of [forged, signedWithKey1, 'not json']) {
      const reply = await h.service.handleCallback(body);
      expect(reply).toEqual({
        httpStatus: 400,
        body: { return_code: -1, return_message: 'mac not equal' },
      });
    }
    expect((await h.orderRow(view.appTransId)).status).toBe('PENDING');
    expect((await h.eventsOf(view.appTransId)).map((e) => e.kind)).toEqual([
      'created',
      'gateway_created',
    ]);
  });

  it('flags an amount mismatch, acknowledges it, and does not mark the order paid', async () => {
    const view = await create(60_000);
    const reply = await h.service.handleCallback(
      await signedCallback(view.appTransId, { amount: 6_000 }),
    );
    expect(reply.body.return_code).toBe(1);
    const row = await h.orderRow(view.appTransId);
    expect(row).toMatchObject({ status: 'PENDING', amountMismatchFlag: true });
    const callback = (await h.eventsOf(view.appTransId)).find((e) => e.kind === 'callback');
    expect(callback!.payload).toMatchObject({ effect: 'amount_mismatch_flagged' });
    expect(await h.fulfilmentsOf(view.appTransId)).toHaveLength(0);
  });

  it('flags a callback for another app id the same way', async () => {
    const view = await create();
    const reply = await h.service.handleCallback(
      await signedCallback(view.appTransId, { app_id: 2554 }),
    );
    expect(reply.body.return_code).toBe(1);
    expect(await h.orderRow(view.appTransId)).toMatchObject({
      status: 'PENDING',
      amountMismatchFlag: true,
    });
  });

  it('acknowledges a verified callback for an unknown order and records nothing', async () => {
    const body = signCallbackBody(
      {
        app_id: SANDBOX_APP.appId,
        app_trans_id: '260101_not-ours',
        app_time: h.clock.nowMs(),
        app_user: 'x',
        amount: 1000,
        embed_data: '{}',
        item: '[]',
        zp_trans_id: 260101000000001,
        server_time: h.clock.nowMs(),
        channel: 38,
        user_fee_amount: 0,
        discount_amount: 0,
      },
      SANDBOX_APP.key2,
    );
    expect(await h.service.handleCallback(body)).toMatchObject({
      httpStatus: 200,
      body: { return_code: 1 },
    });
    expect(await h.service.getStatus('260101_not-ours')).toBeNull();
  });

  it('answers a PAID order from memory once read, and a closed but not PAID one from the database', async () => {
    const paid = await create();
    await h.pay(paid.appTransId);
    expect(await h.service.getStatus(paid.appTransId)).toMatchObject({ status: 'PAID' });
    // Changed behind the service's back (nothing in the app does this): the PAID view is not read again.
    await h.database.db
      .update(paymentAttempts)
      .set({ orderUrl: 'https://changed.example/in-the-database' })
      .where(eq(paymentAttempts.appTransId, paid.appTransId));
    const asked = h.clock.nowMs();
    const again = await h.service.getStatus(paid.appTransId);
    expect(again).toMatchObject({ status: 'PAID', orderUrl: paid.orderUrl });
    // The view is made now: only the order comes from memory.
    expect(again!.serverTime.getTime()).toBeGreaterThanOrEqual(asked);
    expect(again!.serverTime.getTime()).toBeLessThanOrEqual(h.clock.nowMs());

    const failed = await create();
    await h.database.db
      .update(paymentAttempts)
      .set({ status: 'FAILED', failureReason: 'declined' })
      .where(eq(paymentAttempts.appTransId, failed.appTransId));
    expect(await h.service.getStatus(failed.appTransId)).toMatchObject({ status: 'FAILED' });
    // FAILED is not final: signed proof of payment still turns it PAID, and getStatus says so.
    await h.service.handleCallback(await signedCallback(failed.appTransId));
    expect(await h.service.getStatus(failed.appTransId)).toMatchObject({ status: 'PAID' });
  });

  it('records a late payment after EXPIRED as PAID, flagged late, with its outbox row', async () => {
    const view = await create();
    h.clock.advance(h.config.orders.expireSeconds * 1000 + h.config.poller.expiryGraceMs + 1_000);
    const expired = await h.service.getStatus(view.appTransId);
    expect(expired).toMatchObject({ status: 'EXPIRED' });
    expect(expired!.reason).toMatch(/ran out/);

    const reply = await h.service.handleCallback(await signedCallback(view.appTransId));
    expect(reply.body.return_code).toBe(1);
    expect(await h.orderRow(view.appTransId)).toMatchObject({ status: 'PAID', lateFlag: true });
    expect(await h.fulfilmentsOf(view.appTransId)).toHaveLength(1);
    const callback = (await h.eventsOf(view.appTransId)).find((e) => e.kind === 'callback');
    expect(callback!.payload).toMatchObject({ effect: 'EXPIRED->PAID' });
  });

  it('getStatus asks ZaloPay about a PENDING order whose callback was lost, once per cache window', async () => {
    const view = await create();
    await h.addFaults({ callbacks: { drop: 1 } });
    await h.pay(view.appTransId);
    expect((await h.emulatorOrder(view.appTransId)).callback.state).toBe('dropped');
    expect((await h.orderRow(view.appTransId)).status).toBe('PENDING');

    const statuses = await Promise.all([1, 2, 3].map(() => h.service.getStatus(view.appTransId)));
    for (const status of statuses) expect(status).toMatchObject({ status: 'PAID' });
    expect(h.queriesByOrder.get(view.appTransId)).toBe(1);
    expect(await h.orderRow(view.appTransId)).toMatchObject({ paidVia: 'query' });
    expect(await h.fulfilmentsOf(view.appTransId)).toHaveLength(1);
  });

  it('keeps the order PENDING when ZaloPay does not answer the create, and resumes it on retry', async () => {
    const key = randomUUID();
    await h.addFaults({ api: { fault: '5xx', count: 1, endpoints: ['create'] } });
    const error = await create(30_000, key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayUnavailableError);
    const appTransId = (error as GatewayUnavailableError).appTransId;
    expect(await h.orderRow(appTransId)).toMatchObject({ status: 'PENDING', orderUrl: null });

    const retried = await create(30_000, key);
    expect(retried.appTransId).toBe(appTransId);
    expect(retried.orderUrl).toMatch(/openinapp/);
  });

  it('keeps the order PENDING when a status query fails: unknown is never FAILED', async () => {
    const view = await create();
    h.clock.advance(h.config.poller.statusCacheMs + 1);
    await h.addFaults({ api: [{ fault: 'timeout', count: 1, endpoints: ['query'] }] });
    expect(await h.service.getStatus(view.appTransId)).toMatchObject({ status: 'PENDING' });
    await h.clearFaults();
  });

  it('answers 500 with return_code 0 when our database is down, so ZaloPay retries', async () => {
    // Nothing listens on port 1: every query fails as if the database server were down.
    const broken = await createDb({ databaseUrl: 'postgres://postgres@127.0.0.1:1/down' });
    const service = createPaymentsService({
      database: broken,
      zalopay: h.zalopay,
      key2: SANDBOX_APP.key2,
      config: h.config,
      log: silentLogger(),
    });
    const view = await create();
    const reply = await service.handleCallback(await signedCallback(view.appTransId));
    expect(reply).toEqual({
      httpStatus: 500,
      body: { return_code: 0, return_message: expect.any(String) },
    });
    await service.close();
    await broken.close();
  });

  it('watch yields the current view, then the change, then ends at the final status', async () => {
    const view = await create();
    const controller = new AbortController();
    const seen: PaymentView[] = [];
    const watching = (async () => {
      for await (const update of h.service.watch(view.appTransId, controller.signal)) {
        seen.push(update);
        if (seen.length === 1) void h.pay(view.appTransId);
      }
    })();
    await watching;
    expect(seen.map((v) => v.status)).toEqual(['PENDING', 'PAID']);
    controller.abort();
  });

  it('watch ends when the caller aborts', async () => {
    const view = await create();
    const controller = new AbortController();
    const seen: string[] = [];
    const watching = (async () => {
      for await (const update of h.service.watch(view.appTransId, controller.signal)) {
        seen.push(update.status);
        controller.abort();
      }
    })();
    await watching;
    expect(seen).toEqual(['PENDING']);
  });
});
