// The phone's verified decline or cancel reaches the desktop's live status (phoneReport) over real HTTP:
// the redirect reported through tRPC, the live stream read as the browser reads it (SSE), and across two
// instances on one PostgreSQL through NOTIFY. A forged redirect reports nothing, and none changes a status.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStatusStream } from '../../chaos/status-stream';
import { waitUntil } from '../../chaos/wait-until';
import { createOrder, startTestCheckout, type TestCheckout } from '../../testing/checkout-harness';
import { testDatabaseDrivers } from '../../testing/test-database';
import { signRedirectQuery } from '../../zalopay';
import { PUBLIC_SANDBOX_APPS } from '../../zalopay/sandbox-apps';
import { phoneReportOf } from './phone-report';

const app2553 = PUBLIC_SANDBOX_APPS[0]!;

function signedRedirect(appTransId: string, amount: number, status: number) {
  const signed = signRedirectQuery(
    {
      appid: app2553.appId,
      apptransid: appTransId,
      pmcid: status === -49 ? 0 : 36,
      bankcode: status === -49 ? '' : 'CC',
      amount,
      discountamount: 0,
      status,
    },
    app2553.key2,
  );
  return Object.fromEntries(signed);
}

async function reportRedirect(base: string, query: Record<string, string>) {
  const response = await fetch(`${base}/trpc/reportRedirect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { query } }),
  });
  const body = (await response.json()) as { result?: { data?: { json?: { claim?: string } } } };
  return { code: response.status, claim: body.result?.data?.json?.claim };
}

async function statusOf(base: string, appTransId: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { appTransId } }));
  const response = await fetch(`${base}/trpc/getStatus?input=${input}`);
  const body = (await response.json()) as {
    result: { data: { json: { status: string; phoneReport: string | null } } };
  };
  return body.result.data.json;
}

describe('phoneReportOf', () => {
  it('reads -59 as declined, -49 as cancelled, other failures as other, and success as nothing', () => {
    expect(phoneReportOf(-59)).toBe('declined');
    expect(phoneReportOf(-49)).toBe('cancelled');
    expect(phoneReportOf(-217)).toBe('other');
    expect(phoneReportOf(1)).toBeNull();
  });
});

describe('the phone report on one instance (PGlite)', () => {
  let testCheckout: TestCheckout;
  let base: string;
  beforeAll(async () => {
    testCheckout = await startTestCheckout('pglite');
    base = testCheckout.checkout.url;
  });
  afterAll(() => testCheckout?.close());

  it('a forged decline reports nothing; a verified one is pushed to the open stream at once, status unchanged', async () => {
    const order = await createOrder(base, 40_000, 'Phone report');
    const stream = await openStatusStream(base, order.app_trans_id);
    try {
      const genuine = signedRedirect(order.app_trans_id, 40_000, -59);
      // The same query with a checksum that does not match: what a stranger could type.
      const forged = { ...genuine, checksum: 'f'.repeat(64) };
      expect(await reportRedirect(base, forged)).toEqual({ code: 200, claim: 'unverified' });
      await sleep(500);
      expect(stream.phoneReports()).toEqual([null]);
      expect(await statusOf(base, order.app_trans_id)).toMatchObject({
        status: 'PENDING',
        phoneReport: null,
      });

      const reportedAt = performance.now();
      expect(await reportRedirect(base, genuine)).toEqual({ code: 200, claim: 'not_completed' });
      const arrivedInMs = await waitUntil(async () => stream.phoneReports().includes('declined'), {
        limitMs: 5_000,
        everyMs: 10,
      });
      console.info(
        `phone report: the verified decline reached the open stream ${Math.round(performance.now() - reportedAt)} ms after the report`,
      );
      expect(arrivedInMs).not.toBeNull();
      expect(stream.statuses()).toEqual(['PENDING', 'PENDING']);
      expect(await statusOf(base, order.app_trans_id)).toMatchObject({
        status: 'PENDING',
        phoneReport: 'declined',
      });

      // The QR code can still be paid: PAID wins and the report is gone.
      await testCheckout.emulator.pay(order.app_trans_id);
      await waitUntil(async () => stream.statuses().includes('PAID'), { limitMs: 5_000 });
      expect(stream.statuses().at(-1)).toBe('PAID');
      expect(stream.phoneReports().at(-1)).toBeNull();
    } finally {
      stream.close();
    }
  });

  it('a verified success redirect reports nothing and never pays', async () => {
    const order = await createOrder(base, 41_000, 'Phone report success');
    expect(await reportRedirect(base, signedRedirect(order.app_trans_id, 41_000, 1))).toEqual({
      code: 200,
      claim: 'success',
    });
    expect(await statusOf(base, order.app_trans_id)).toMatchObject({
      status: 'PENDING',
      phoneReport: null,
    });
  });
});

describe.skipIf(!testDatabaseDrivers().includes('postgres'))(
  'the phone report across two instances on one PostgreSQL',
  () => {
    let first: TestCheckout;
    let second: TestCheckout;
    beforeAll(async () => {
      first = await startTestCheckout('postgres');
      second = await startTestCheckout('pglite', { DATABASE_URL: first.database?.url ?? '' });
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it('a cancel reported to one instance reaches the stream held by the other', async () => {
      const order = await createOrder(first.checkout.url, 42_000, 'Phone report, two instances');
      const stream = await openStatusStream(second.checkout.url, order.app_trans_id);
      try {
        const cancelled = signedRedirect(order.app_trans_id, 42_000, -49);
        expect(await reportRedirect(first.checkout.url, cancelled)).toEqual({
          code: 200,
          claim: 'cancelled',
        });
        const arrivedInMs = await waitUntil(
          async () => stream.phoneReports().includes('cancelled'),
          { limitMs: 5_000, everyMs: 10 },
        );
        expect(arrivedInMs).not.toBeNull();
        expect(stream.statuses()).toEqual(['PENDING', 'PENDING']);
      } finally {
        stream.close();
      }
    });
  },
);
