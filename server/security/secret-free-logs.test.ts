// No secret in any log line: a whole checkout logging at trace level into memory goes through create,
// payment, repeated, forged and unknown callbacks, a signed redirect, gateway failures, polling and a
// refused configuration, and not one line may contain key1 or key2 (any of the four public keys).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EnvError, loadEnv } from '../env';
import { createLogger } from '../logger';
import {
  createOrder,
  postJson,
  startTestCheckout,
  type TestCheckout,
} from '../testing/checkout-harness';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import { signCallbackBody, signRedirectQuery } from '../zalopay';

const SECRETS = PUBLIC_SANDBOX_APPS.flatMap((app) => [app.key1, app.key2]);
const app2553 = PUBLIC_SANDBOX_APPS[0]!;
// The run counts only if it logged each of these: the scan below would pass on silence.
const EVENTS_THE_RUN_MUST_LOG = [
  'request completed',
  'payment order changed',
  'rejected a ZaloPay callback',
  'Verified ZaloPay callback does not match the order: flagged for review, not applied',
  'Verified ZaloPay callback for an order we have no record of: reconcile by hand',
  'poll round done',
  'configuration refused',
];
const lines: string[] = [];
const log = createLogger({ level: 'trace', destination: { write: (line) => lines.push(line) } });
let running: TestCheckout;
const loggedMessages = () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg);

beforeAll(async () => {
  running = await startTestCheckout(
    'pglite',
    { POLL_TICK_MS: '100', POLL_INTERVAL_MS: '200', LOG_LEVEL: 'trace' },
    log,
  );
});
afterAll(() => running?.close());

const admin = (path: string, body: unknown = {}) =>
  postJson(`${running.checkout.emulatorUrl}/admin${path}`, body);

function callbackData(appTransId: string, amount: number) {
  return {
    app_id: app2553.appId,
    app_trans_id: appTransId,
    app_time: Date.now(),
    app_user: 'zalopay-checkout',
    amount,
    embed_data: '{}',
    item: '[]',
    zp_trans_id: 261121000000777,
    server_time: Date.now(),
    channel: 38,
    merchant_user_id: 'Jfy_NT0tHMtLE07x291chQ',
    user_fee_amount: 0,
    discount_amount: 0,
  };
}

describe('log lines of a whole run', () => {
  it('never contain a key, whatever happens', async () => {
    const base = running.checkout.url;
    const callbackUrl = `${base}/api/zalopay/callback`;

    const paid = await createOrder(base, 70_000);
    expect((await admin(`/orders/${paid.app_trans_id}/pay`)).status).toBe(200);
    const unpaid = await createOrder(base, 80_000);

    const genuine = signCallbackBody(callbackData(paid.app_trans_id, 70_000), app2553.key2);
    const forgeries = [
      genuine,
      signCallbackBody(callbackData(unpaid.app_trans_id, 80_000), app2553.key1),
      signCallbackBody(callbackData(unpaid.app_trans_id, 1_000), app2553.key2),
      signCallbackBody(callbackData('261121_no-such-order', 80_000), app2553.key2),
      genuine.replace('70000', '70001'),
      '{"data": broken',
      '',
    ];
    for (const body of forgeries) await postJson(callbackUrl, body);

    const query = signRedirectQuery(
      {
        appid: app2553.appId,
        apptransid: unpaid.app_trans_id,
        pmcid: 38,
        bankcode: '',
        amount: 80_000,
        discountamount: 0,
        status: -49,
      },
      app2553.key2,
    );
    await postJson(`${base}/trpc/reportRedirect`, {
      json: { query: Object.fromEntries(query) },
    });
    await fetch(`${base}/api/payment/status/${unpaid.app_trans_id}`);

    await admin('/faults', { api: [{ fault: '5xx', count: 3, status: 503 }] });
    await postJson(`${base}/api/payment/create`, { amount: 90_000, order_info: 'gateway down' });
    await fetch(`${base}/api/payment/status/${unpaid.app_trans_id}`);
    // The poller's round comes when the unpaid order falls due: wait for it rather than guess how long.
    await vi.waitFor(() => expect(loggedMessages()).toContain('poll round done'), {
      timeout: 10_000,
      interval: 50,
    });

    try {
      loadEnv({ ZALOPAY_MODE: 'production', ZALOPAY_KEY1: app2553.key1, ZALOPAY_KEY2: 'x y' });
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      log.error({ err: error }, 'configuration refused');
    }

    expect(loggedMessages()).toEqual(expect.arrayContaining(EVENTS_THE_RUN_MUST_LOG));
    const leaks = lines.filter((line) => SECRETS.some((secret) => line.includes(secret)));
    expect(leaks).toEqual([]);
  });
});
