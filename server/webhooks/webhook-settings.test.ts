// The webhook settings stop the server with a message naming them: a secret too short, an http URL or
// a private destination in production (by its literal address, by what its name resolves to at start,
// and at every connection), unless MERCHANT_WEBHOOK_ALLOW_PRIVATE says otherwise.
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { MERCHANT_KEYS, problemsOf } from '../testing/env-refusals';
import {
  productionDestinationProblem,
  publicAddressesOnly,
  isNonPublicAddress,
} from './webhook-destination';

const SECRET = 'whsec-0123456789abcdefghijklmnopqrstuv';
const production = {
  ...MERCHANT_KEYS,
  ZALOPAY_MODE: 'production',
  DATABASE_URL: 'postgres://db.example.vn/shop',
};

describe('webhook settings', () => {
  it('are off without a URL, and take a comma-separated list of secrets', () => {
    expect(loadEnv({}).webhooks).toBeUndefined();
    const env = loadEnv({
      MERCHANT_WEBHOOK_URL: 'http://127.0.0.1:4000/hooks',
      MERCHANT_WEBHOOK_SECRET: `${SECRET}, ${SECRET}-next`,
    });
    expect(env.webhooks?.secrets).toEqual([SECRET, `${SECRET}-next`]);
    expect(env.webhooks?.guarded).toBe(false);
  });

  it.each([
    [{ MERCHANT_WEBHOOK_URL: 'https://erp.example.vn/hooks' }, 'MERCHANT_WEBHOOK_SECRET: required'],
    [
      { MERCHANT_WEBHOOK_URL: 'https://erp.example.vn/hooks', MERCHANT_WEBHOOK_SECRET: 'short' },
      'at least 32',
    ],
    [
      { MERCHANT_WEBHOOK_URL: 'http://erp.example.vn/hooks', MERCHANT_WEBHOOK_SECRET: SECRET },
      'must be https://',
    ],
    [
      { MERCHANT_WEBHOOK_URL: 'https://10.1.2.3/hooks', MERCHANT_WEBHOOK_SECRET: SECRET },
      'private address',
    ],
    [
      { MERCHANT_WEBHOOK_URL: 'https://[::1]/hooks', MERCHANT_WEBHOOK_SECRET: SECRET },
      'private address',
    ],
    [
      { MERCHANT_WEBHOOK_URL: 'https://localhost/hooks', MERCHANT_WEBHOOK_SECRET: SECRET },
      'private address',
    ],
    [{ MERCHANT_WEBHOOK_SECRET: SECRET }, 'MERCHANT_WEBHOOK_URL is not'],
  ])('refuse %j in production', (settings, problem) => {
    const problems = problemsOf({ ...production, ...settings });
    expect(problems.join('\n')).toContain(problem);
    expect(problems.join('\n')).not.toContain(SECRET);
  });

  it('allow a private destination (http too) in production only when told to', () => {
    const env = loadEnv({
      ...production,
      MERCHANT_WEBHOOK_URL: 'http://10.1.2.3/hooks',
      MERCHANT_WEBHOOK_SECRET: SECRET,
      MERCHANT_WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    expect(env.webhooks).toMatchObject({ guarded: false });
  });

  it('refuse at start a name that resolves to a private address', async () => {
    expect(await productionDestinationProblem(new URL('https://localhost/hooks'))).toMatch(
      /MERCHANT_WEBHOOK_URL: localhost resolves to (127\.0\.0\.1|::1)/,
    );
    expect(await productionDestinationProblem(new URL('http://93.184.216.34/hooks'))).toContain(
      'https',
    );
    expect(
      await productionDestinationProblem(new URL('https://93.184.216.34/hooks')),
    ).toBeUndefined();
  });

  it('refuse at connection time to reach a private address', async () => {
    const error = await new Promise<Error | null>((resolve) =>
      publicAddressesOnly('localhost', {}, (failure) => resolve(failure)),
    );
    expect(error?.message).toContain('not a public address');
  });

  it.each([
    ['127.0.0.1', true],
    ['10.0.0.8', true],
    ['172.20.1.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd12::1', true],
    ['::ffff:10.0.0.1', true],
    ['93.184.216.34', false],
    ['2606:2800:220:1::1', false],
  ])('calls %s non-public: %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});
