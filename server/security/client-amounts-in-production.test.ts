// Issue 26, item 5: ACCEPT_CLIENT_AMOUNTS=true with real money let the browser choose what a shopper
// pays, and the order was fulfilled, with nothing said at start. In production it now takes a second,
// explicit setting, and the server raises an alert at start as it does for the emulator in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../env';
import { startEmulator, type RunningEmulator } from '../emulator/emulator';
import { capturedLog } from '../testing/captured-log';
import { startTestCheckout, postJson } from '../testing/checkout-harness';
import { MERCHANT_KEYS, problemsOf } from '../testing/env-refusals';

const PRODUCTION = { ...MERCHANT_KEYS, ZALOPAY_MODE: 'production' };

describe('ACCEPT_CLIENT_AMOUNTS in production', () => {
  it.each([
    ['ZALOPAY_MODE=production', PRODUCTION],
    [
      'NODE_ENV=production in sandbox mode',
      { ...MERCHANT_KEYS, ZALOPAY_MODE: 'sandbox', NODE_ENV: 'production' },
    ],
  ])('is refused alone with %s, naming both settings', (_label, settings) => {
    for (const value of ['true', '1']) {
      const problems = problemsOf({ ...settings, ACCEPT_CLIENT_AMOUNTS: value }).join('\n');
      expect(problems).toContain('ACCEPT_CLIENT_AMOUNTS: true in production');
      expect(problems).toContain('ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION=true');
    }
  });

  it('stays off by default in production, and on in emulator mode (no money moves there)', () => {
    expect(loadEnv(PRODUCTION).orders).toMatchObject({
      acceptClientAmounts: false,
      clientAmountsInProduction: false,
    });
    expect(loadEnv({ ...MERCHANT_KEYS, ZALOPAY_MODE: 'sandbox' }).orders.acceptClientAmounts).toBe(
      false,
    );
    expect(loadEnv({}).orders).toMatchObject({
      acceptClientAmounts: true,
      clientAmountsInProduction: false,
    });
  });

  it('is allowed with ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION=true', () => {
    const env = loadEnv({
      ...PRODUCTION,
      ACCEPT_CLIENT_AMOUNTS: 'true',
      ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION: 'true',
    });
    expect(env.orders).toMatchObject({
      acceptClientAmounts: true,
      clientAmountsInProduction: true,
    });
  });
});

describe('a checkout with real-money settings (sandbox mode, NODE_ENV=production)', () => {
  let gateway: RunningEmulator;
  beforeAll(async () => {
    gateway = await startEmulator({
      apps: [
        {
          appId: Number(MERCHANT_KEYS.ZALOPAY_APP_ID),
          key1: MERCHANT_KEYS.ZALOPAY_KEY1,
          key2: MERCHANT_KEYS.ZALOPAY_KEY2,
          name: 'Merchant',
        },
      ],
    });
  });
  afterAll(() => gateway.close());

  const settings = () => ({
    ...MERCHANT_KEYS,
    ZALOPAY_MODE: 'sandbox',
    NODE_ENV: 'production',
    ZALOPAY_API_BASE_URL: gateway.url,
  });

  it('does not start with ACCEPT_CLIENT_AMOUNTS=true alone', async () => {
    await expect(
      startTestCheckout('pglite', { ...settings(), ACCEPT_CLIENT_AMOUNTS: 'true' }),
    ).rejects.toBeInstanceOf(EnvError);
  });

  it('answers 403 to a client amount by default', async () => {
    const running = await startTestCheckout('pglite', settings());
    try {
      const answer = await postJson(`${running.checkout.url}/api/payment/create`, {
        amount: 1_000,
        order_info: 'Pay what I say',
      });
      expect(answer.status).toBe(403);
      expect(await answer.json()).toMatchObject({ error: { code: 'client_amounts_disabled' } });
    } finally {
      await running.close();
    }
  });

  it('starts with both settings, raising a client_amounts_in_production alert', async () => {
    const captured = capturedLog();
    const running = await startTestCheckout(
      'pglite',
      { ...settings(), ACCEPT_CLIENT_AMOUNTS: 'true', ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION: 'true' },
      captured.log,
    );
    try {
      expect(captured.alerts('client_amounts_in_production')).toHaveLength(1);
      const answer = await postJson(`${running.checkout.url}/api/payment/create`, {
        amount: 1_000,
        order_info: 'Pay what I say',
      });
      expect(answer.status).toBe(201);
    } finally {
      await running.close();
    }
  });
});
