// The callback route over real HTTP: it hands handleCallback the body's exact bytes, answers with the
// handler's status and JSON, refuses oversized (413) and compressed (415) bodies without calling it, and
// leaves every other request to the routes behind it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import type { CallbackReply } from '../payments/callbacks/callback-handler';
import { CALLBACK_PATH } from '../payments/callbacks/callback-path';
import { callbackRoute } from './callback-route';

const received: Buffer[] = [];
let reply: CallbackReply;
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.post(
    CALLBACK_PATH,
    ...callbackRoute(
      {
        handleCallback: async (raw) => {
          received.push(Buffer.from(raw));
          return reply;
        },
      },
      silentLogger(),
    ),
  );
  app.use((_req, res) => {
    res.status(404).send('the app behind');
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);
beforeEach(() => {
  received.length = 0;
  reply = { httpStatus: 200, body: { return_code: 1, return_message: 'success' } };
});

const post = (path: string, body: string | Buffer) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { 'content-type': 'text/plain' },
  });

describe('the ZaloPay callback route', () => {
  it('passes the exact bytes through, non-UTF-8 and whitespace included', async () => {
    const body = Buffer.concat([
      Buffer.from('{"data":"{\\"a\\": 1}" , "mac":"ab"}\n'),
      Buffer.from([0xff, 0xfe]),
    ]);
    const response = await post(CALLBACK_PATH, body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ return_code: 1, return_message: 'success' });
    expect(received).toHaveLength(1);
    expect(received[0]?.equals(body)).toBe(true);
  });

  it("answers with the handler's status and body", async () => {
    reply = { httpStatus: 400, body: { return_code: -1, return_message: 'mac not equal' } };
    const response = await post(`${CALLBACK_PATH}?from=zalopay`, '{}');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ return_code: -1, return_message: 'mac not equal' });
  });

  it('refuses a body over 16 KiB with 413, without calling the handler', async () => {
    const response = await post(CALLBACK_PATH, 'x'.repeat(16 * 1024 + 1));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'payload_too_large', message: 'Request body is too large' },
    });
    expect(received).toHaveLength(0);
    const next = await post(CALLBACK_PATH, 'x'.repeat(16 * 1024));
    expect(next.status).toBe(200);
  });

  it('refuses a compressed body with 415, naming the encoding', async () => {
    const response = await fetch(`${base}${CALLBACK_PATH}`, {
      method: 'POST',
      body: new Uint8Array(gzipSync('{"data":"{}","mac":"00"}')),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: 'unsupported_encoding', message: 'Content-Encoding gzip is not accepted' },
    });
    expect(received).toHaveLength(0);
  });

  it('leaves other methods and paths to the routes behind it', async () => {
    const other = [
      await fetch(`${base}${CALLBACK_PATH}`),
      await post(`${CALLBACK_PATH}/more`, '{}'),
      await post('/api/zalopay/callbacks', '{}'),
    ];
    for (const response of other) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('the app behind');
    }
    expect(received).toHaveLength(0);
  });
});
