// The client IP worked out outside Express must be Express's req.ip for every TRUST_PROXY setting and
// any X-Forwarded-For: the create rate limit keys on it over REST (Express) and tRPC (client-ip.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIpResolver } from './client-ip';
import type { TrustProxySetting } from './trust-proxy';

const SETTINGS: TrustProxySetting[] = [false, 1, 2, ['loopback'], ['10.0.0.0/8'], ['127.0.0.1']];
const FORWARDED = [
  undefined,
  '203.0.113.7',
  '203.0.113.7, 10.1.2.3',
  '198.51.100.1, 203.0.113.7, 10.1.2.3',
  'not-an-ip',
  '2001:db8::1',
];

let server: Server;
let base: string;

beforeAll(async () => {
  const apps = SETTINGS.map((setting) => {
    const app = express();
    app.set('trust proxy', setting);
    app.get('/', (req, res) => {
      res.json({ express: req.ip, ours: clientIpResolver(setting)(req) });
    });
    return app;
  });
  server = createServer((req, res) => {
    const index = Number(req.headers['x-setting']);
    apps[index]?.(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('clientIpResolver', () => {
  it.each(SETTINGS.map((setting, index) => [JSON.stringify(setting), index] as const))(
    'agrees with req.ip when TRUST_PROXY is %s',
    async (_name, index) => {
      for (const forwarded of FORWARDED) {
        const response = await fetch(base, {
          headers: {
            'x-setting': String(index),
            ...(forwarded ? { 'x-forwarded-for': forwarded } : {}),
          },
        });
        const { express: expected, ours } = (await response.json()) as Record<string, string>;
        expect(ours, `X-Forwarded-For: ${forwarded}`).toBe(expected);
      }
    },
  );

  it('takes the address past the trusted hops, and ignores the header when nothing is trusted', () => {
    const request = (forwarded: string) =>
      ({
        headers: { 'x-forwarded-for': forwarded },
        socket: { remoteAddress: '127.0.0.1' },
        connection: { remoteAddress: '127.0.0.1' },
      }) as never;
    expect(clientIpResolver(false)(request('203.0.113.7'))).toBe('127.0.0.1');
    expect(clientIpResolver(1)(request('198.51.100.1, 203.0.113.7'))).toBe('203.0.113.7');
    expect(clientIpResolver(['loopback'])(request('198.51.100.1, 203.0.113.7'))).toBe(
      '203.0.113.7',
    );
  });
});
