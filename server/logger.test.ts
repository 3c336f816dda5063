// The logger never writes a key, a MAC, a checksum, the admin token or a cookie, wherever they sit in a
// logged object; and lines logged while a request is handled carry its id.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { runInRequestContext } from './observability/request-context';
import { PUBLIC_SANDBOX_APPS } from './zalopay/sandbox-apps';
import { signCallbackBody } from './zalopay';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: createLogger({ level: 'debug', destination }), lines };
}

const app = PUBLIC_SANDBOX_APPS[0]!;

describe('createLogger', () => {
  it('redacts keys, MACs, the admin token and cookies', () => {
    const { log, lines } = capturingLogger();
    const callback = JSON.parse(
      signCallbackBody(
        {
          app_id: app.appId,
          app_trans_id: '240101_abc',
          app_time: 1,
          app_user: 'u',
          amount: 1000,
          embed_data: '{}',
          item: '[]',
          zp_trans_id: 240101000000001,
          server_time: 1,
          channel: 38,
          merchant_user_id: 'm',
          zp_user_id: 'z',
          user_fee_amount: 0,
          discount_amount: 0,
        },
        app.key2,
      ),
    ) as { mac: string };
    const adminToken = 'a-very-secret-admin-token';
    log.info(
      { config: { zalopay: { appId: app.appId, key1: app.key1, key2: app.key2 } } },
      'config',
    );
    log.info({ key1: app.key1, key2: app.key2 }, 'top-level keys');
    log.warn({ callback }, 'callback');
    log.info({ ops: { adminToken }, token: adminToken }, 'admin');
    log.info({ req: { headers: { cookie: 'ops_session=1.abc' } } }, 'request');
    log.info({ redirect: { checksum: 'f'.repeat(64) } }, 'redirect');
    const apiKey = `ck_${'k'.repeat(43)}`;
    log.info({ req: { headers: { authorization: `Bearer ${apiKey}` } } }, 'merchant API call');
    log.info({ headers: { authorization: `Bearer ${apiKey}` } }, 'bare headers');
    log.info({ apiKey, issued: { apiKey } }, 'an API key by name');

    const output = lines.join('');
    expect(lines).toHaveLength(9);
    for (const secret of [
      app.key1,
      app.key2,
      callback.mac,
      adminToken,
      'ops_session=1.abc',
      'f'.repeat(64),
      apiKey,
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');
    expect(output).toContain(`"appId":${app.appId}`);
  });

  it('adds the request id to lines logged inside a request', () => {
    const { log, lines } = capturingLogger();
    runInRequestContext({ requestId: 'req-12345678' }, () => log.info('inside'));
    log.info('outside');
    expect(JSON.parse(lines[0]!)).toMatchObject({ reqId: 'req-12345678', msg: 'inside' });
    expect(JSON.parse(lines[1]!)).not.toHaveProperty('reqId');
  });
});
