// The server refuses to start in sandbox or production mode without real keys, and refuses a proxy
// setting that would let clients pick their own IP; the refusals name the variable, never its value.
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../env';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';

const [app2553, app2554] = PUBLIC_SANDBOX_APPS;
const merchant = {
  ZALOPAY_APP_ID: '99999',
  ZALOPAY_KEY1: 'Mk1q8ZrT0a3XvB6nD2cF5hJ7kL9pQs4W',
  ZALOPAY_KEY2: 'Nq2w7ErT5yU1iO3pA6sD8fG0hJ4kL9zX',
  PUBLIC_BASE_URL: 'https://shop.example.vn',
};

function refusal(source: Record<string, string>): string {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error('expected loadEnv to refuse this configuration');
}

describe.each(['sandbox', 'production'])('%s mode', (mode) => {
  it.each([
    ['missing keys', { ZALOPAY_KEY1: '', ZALOPAY_KEY2: '' }, /ZALOPAY_KEY1: required/],
    ['placeholder keys', { ZALOPAY_KEY1: '...', ZALOPAY_KEY2: 'key2' }, /placeholder/],
    [
      'a key with spaces',
      { ZALOPAY_KEY1: 'paste your key1 here please' },
      /ZALOPAY_KEY1: looks like/,
    ],
    ['the same key twice', { ZALOPAY_KEY2: merchant.ZALOPAY_KEY1 }, /must differ/],
    [
      'a public key with another app id',
      { ZALOPAY_KEY1: app2553!.key1 },
      /ZALOPAY_KEY1: a public sandbox key/,
    ],
    [
      'the emulator defaults',
      { ZALOPAY_APP_ID: '', ZALOPAY_KEY1: '', ZALOPAY_KEY2: '' },
      /ZALOPAY_APP_ID: required/,
    ],
  ])('refuses %s, naming the variable but never printing a key', (_label, change, problem) => {
    const source = { ...merchant, ZALOPAY_MODE: mode, ...change };
    const message = refusal(source);
    expect(message).toMatch(problem);
    for (const key of [source.ZALOPAY_KEY1, source.ZALOPAY_KEY2].filter((k) => k.length > 4)) {
      expect(message).not.toContain(key);
    }
  });

  it("starts with a merchant's own keys", () => {
    expect(loadEnv({ ...merchant, ZALOPAY_MODE: mode }).zalopay.mode).toBe(mode);
  });
});

describe('the published sandbox apps', () => {
  const published = (app: typeof app2553) => ({
    ...merchant,
    ZALOPAY_APP_ID: String(app!.appId),
    ZALOPAY_KEY1: app!.key1,
    ZALOPAY_KEY2: app!.key2,
  });

  it('may be used against the real sandbox, as a whole app', () => {
    expect(loadEnv({ ...published(app2553), ZALOPAY_MODE: 'sandbox' }).zalopay.appId).toBe(2553);
  });

  it('are refused when mixed up, and always in production', () => {
    expect(
      refusal({ ...published(app2553), ZALOPAY_KEY2: app2554!.key2, ZALOPAY_MODE: 'sandbox' }),
    ).toMatch(/ZALOPAY_KEY2: a public sandbox key/);
    expect(refusal({ ...published(app2554), ZALOPAY_MODE: 'production' })).toMatch(
      /cannot be used in production/,
    );
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['2', 2],
    ['10.0.0.0/8, loopback', ['10.0.0.0/8', 'loopback']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('reads %s', (value, expected) => {
    const env = loadEnv(value === undefined ? {} : { TRUST_PROXY: value });
    expect(env.security.trustProxy).toEqual(expected);
  });

  it.each(['true', 'proxy.example', '10.0.0.0/33', '1.2.3'])('refuses %s', (value) => {
    expect(refusal({ TRUST_PROXY: value })).toMatch(/TRUST_PROXY/);
  });

  it('defaults the create limit to 60 a minute; 0 turns it off', () => {
    expect(loadEnv({}).security.createRateLimitPerMinute).toBe(60);
    expect(loadEnv({ CREATE_RATE_LIMIT_PER_MINUTE: '0' }).security.createRateLimitPerMinute).toBe(
      0,
    );
  });
});
