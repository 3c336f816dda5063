// The configuration contract: defaults that start on a bare machine, and refusals that name each bad variable.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PGLITE_DATA_DIR } from '../db/pglite-data-dir';
import { loadEnv } from './env';
import { MERCHANT_KEYS, problemsOf } from './testing/env-refusals';
import { PUBLIC_SANDBOX_APPS } from './zalopay/sandbox-apps';

const realKeys = MERCHANT_KEYS;

describe('loadEnv', () => {
  it('starts with no variables at all: emulator mode, app 2553, PGlite, port 3000', () => {
    const env = loadEnv({});
    expect(env.zalopay.mode).toBe('emulator');
    expect(env.zalopay.appId).toBe(2553);
    expect(env.zalopay.key1).toBe(PUBLIC_SANDBOX_APPS[0]?.key1);
    expect(env.databaseUrl).toBeUndefined();
    expect(env.port).toBe(3000);
    expect(env.emulator).toMatchObject({
      embedded: true,
      port: 3001,
      inProductionOnPurpose: false,
    });
    expect(env.publicBaseUrl).toBeUndefined();
    expect(env.poller.intervalMs).toBe(60_000);
    expect(env.orders.expireSeconds).toBe(900);
  });

  it('runs as one instance doing everything by default, and as ROLE, MIGRATE_ON_START and SHUTDOWN_TIMEOUT_MS say', () => {
    expect(loadEnv({})).toMatchObject({
      role: 'all',
      migrateOnStart: true,
      shutdownTimeoutMs: 10_000,
    });
    const shared = { EMULATOR_EMBEDDED: 'false', ZALOPAY_API_BASE_URL: 'http://127.0.0.1:3001' };
    expect(
      loadEnv({
        ...shared,
        ROLE: 'worker',
        MIGRATE_ON_START: 'false',
        SHUTDOWN_TIMEOUT_MS: '2500',
      }),
    ).toMatchObject({ role: 'worker', migrateOnStart: false, shutdownTimeoutMs: 2_500 });
    expect(
      problemsOf({ ROLE: 'cron', SHUTDOWN_TIMEOUT_MS: '0', MIGRATE_ON_START: 'no' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['MIGRATE_ON_START', 'ROLE', 'SHUTDOWN_TIMEOUT_MS']);
  });

  it.each(['web', 'worker'])('refuses ROLE=%s with an embedded emulator of its own', (role) => {
    const problems = problemsOf({ ROLE: role });
    expect(problems.join('\n')).toMatch(/^ROLE: .*EMULATOR_EMBEDDED=false.*ZALOPAY_API_BASE_URL/m);
  });

  it('exports traces as protobuf unless OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL says JSON; gRPC is refused', () => {
    expect(loadEnv({}).telemetry.protocol).toBe('http/protobuf');
    expect(loadEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).telemetry.protocol).toBe(
      'http/json',
    );
    expect(
      loadEnv({
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf',
      }).telemetry.protocol,
    ).toBe('http/protobuf');
    expect(problemsOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }).map((p) => p.split(':')[0])).toEqual(
      ['OTEL_EXPORTER_OTLP_PROTOCOL'],
    );
  });

  it('cuts attribute values at 2,048 characters unless OTEL_(SPAN_)ATTRIBUTE_VALUE_LENGTH_LIMIT says', () => {
    expect(loadEnv({}).telemetry.attributeValueLengthLimit).toBe(2_048);
    expect(
      loadEnv({ OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '10000' }).telemetry.attributeValueLengthLimit,
    ).toBe(10_000);
    expect(
      loadEnv({
        OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '10000',
        OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT: '500',
      }).telemetry.attributeValueLengthLimit,
    ).toBe(500);
    expect(
      problemsOf({ OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: '0' }).map((p) => p.split(':')[0]),
    ).toEqual(['OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT']);
  });

  it('keeps every trace unless OTEL_TRACES_SAMPLER and its argument say otherwise', () => {
    expect(loadEnv({}).telemetry.sampler).toEqual({ name: 'parentbased_always_on', ratio: 1 });
    expect(
      loadEnv({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' })
        .telemetry.sampler,
    ).toEqual({ name: 'parentbased_traceidratio', ratio: 0.25 });
    expect(
      problemsOf({ OTEL_TRACES_SAMPLER: 'sometimes', OTEL_TRACES_SAMPLER_ARG: '2' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['OTEL_TRACES_SAMPLER', 'OTEL_TRACES_SAMPLER_ARG']);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', ORDER_EXPIRE_SECONDS: '10', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'LOG_LEVEL',
      'ORDER_EXPIRE_SECONDS',
      'PORT',
    ]);
  });

  it.each(['sandbox', 'production'])('refuses %s mode without keys and a public URL', (mode) => {
    const problems = problemsOf({ ZALOPAY_MODE: mode });
    expect(problems.join('\n')).toMatch(/ZALOPAY_APP_ID/);
    expect(problems.join('\n')).toMatch(/ZALOPAY_KEY1/);
    expect(problems.join('\n')).toMatch(/ZALOPAY_KEY2/);
    expect(problems.join('\n')).toMatch(/PUBLIC_BASE_URL/);
  });

  it('refuses the public sandbox keys in production', () => {
    const app = PUBLIC_SANDBOX_APPS[0]!;
    const problems = problemsOf({
      ...realKeys,
      ZALOPAY_MODE: 'production',
      ZALOPAY_KEY1: app.key1,
      ZALOPAY_KEY2: app.key2,
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^ZALOPAY_KEY1: a public sandbox key/);
  });

  it('refuses a plain-http public URL in production', () => {
    const problems = problemsOf({
      ...realKeys,
      ZALOPAY_MODE: 'production',
      PUBLIC_BASE_URL: 'http://shop.example.vn',
    });
    expect(problems).toEqual(['PUBLIC_BASE_URL: must be https:// in production mode']);
  });

  it('points sandbox mode at ZaloPay sandbox hosts and does not embed the emulator', () => {
    const env = loadEnv({ ...realKeys, ZALOPAY_MODE: 'sandbox' });
    expect(env.zalopay.apiBaseUrl).toBe('https://sb-openapi.zalopay.vn');
    expect(env.zalopay.gatewayBaseUrl).toBe('https://sbgateway.zalopay.vn');
    expect(env.emulator.embedded).toBe(false);
    expect(env.publicBaseUrl).toBe('https://shop.example.vn');
  });

  it('uses an external emulator when ZALOPAY_API_BASE_URL is given in emulator mode', () => {
    const env = loadEnv({ ZALOPAY_API_BASE_URL: 'http://127.0.0.1:4001' });
    expect(env.emulator.embedded).toBe(false);
    expect(env.zalopay.apiBaseUrl).toBe('http://127.0.0.1:4001');
  });

  it('accepts client amounts by default only in emulator mode, and as ACCEPT_CLIENT_AMOUNTS says', () => {
    expect(loadEnv({}).orders.acceptClientAmounts).toBe(true);
    expect(loadEnv({ ACCEPT_CLIENT_AMOUNTS: 'false' }).orders.acceptClientAmounts).toBe(false);
    const sandbox = { ...realKeys, ZALOPAY_MODE: 'sandbox' };
    expect(loadEnv(sandbox).orders.acceptClientAmounts).toBe(false);
    expect(loadEnv({ ...sandbox, ACCEPT_CLIENT_AMOUNTS: 'true' }).orders.acceptClientAmounts).toBe(
      true,
    );
    expect(problemsOf({ ACCEPT_CLIENT_AMOUNTS: 'yes' })[0]).toMatch(/^ACCEPT_CLIENT_AMOUNTS/);
  });

  it('never puts a key into its error messages', () => {
    const problems = problemsOf({ ...realKeys, ZALOPAY_MODE: 'production', PUBLIC_BASE_URL: '' });
    expect(problems.join('\n')).not.toContain(realKeys.ZALOPAY_KEY1);
    expect(problems.join('\n')).not.toContain(realKeys.ZALOPAY_KEY2);
  });

  it('reads every on/off setting the same way: true, false, 1 or 0, and nothing else', () => {
    for (const name of [
      'EMULATOR_EMBEDDED',
      'ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION',
      'LOG_PRETTY',
      'MERCHANT_WEBHOOK_ALLOW_PRIVATE',
      'MIGRATE_ON_START',
      'ACCEPT_CLIENT_AMOUNTS',
    ]) {
      expect(problemsOf({ [name]: 'yes' })[0]).toMatch(new RegExp(`^${name}`));
    }
    expect(loadEnv({ LOG_PRETTY: '1' }).log.pretty).toBe(true);
    expect(loadEnv({ MIGRATE_ON_START: '0' }).migrateOnStart).toBe(false);
    expect(loadEnv({ ACCEPT_CLIENT_AMOUNTS: '0' }).orders.acceptClientAmounts).toBe(false);
  });

  it("keeps PGlite's data where createDb keeps it by default", () => {
    expect(loadEnv({}).pgliteDataDir).toBe(DEFAULT_PGLITE_DATA_DIR);
  });
});
