// The access log: one line per request when its response ends, the path without its query string, the
// order it concerns, a level by status, the request id echoed and carried by lines logged meanwhile.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { requestLogging } from './request-logging';

const lines: Array<Record<string, unknown>> = [];
const log = createLogger({
  level: 'debug',
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  }),
});

const app = express();
app.use(requestLogging(log));
app.get('/healthz', (_req, res) => void res.json({ ok: true }));
app.get('/api/payment/status/:id', (_req, res) => {
  log.info('looking it up');
  res.json({ status: 'PAID' });
});
app.get('/broken', (_req, res) => void res.status(503).json({ error: 'down' }));
app.get(['/assets/index-3f2a9c.js', '/favicon.svg'], (_req, res) => {
  res.type('text/javascript').send('export {};');
});
app.get('/assets/missing-000000.js', (_req, res) => void res.status(404).end());
app.get('/trpc/onStatusChange', (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write(': connected\n\n');
});
app.get('/slow', (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{');
});

let baseUrl = '';
let server: ReturnType<typeof app.listen>;
beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function linesAfter(path: string, headers: Record<string, string> = {}) {
  lines.length = 0;
  const response = await fetch(`${baseUrl}${path}`, { headers });
  await response.text();
  // The line is written when the response ends, just after the client has it.
  for (let i = 0; i < 50 && !lines.some((l) => l.msg !== 'looking it up'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { response, lines: [...lines] };
}

describe('request logging', () => {
  it('writes one line with the path, the order, the status and the time, never the query', async () => {
    const { response, lines: written } = await linesAfter(
      '/api/payment/status/261121_abcdefgh1234?checksum=secret-ish',
      { 'x-request-id': 'shopper-report-4711' },
    );
    expect(response.headers.get('x-request-id')).toBe('shopper-report-4711');
    const access = written.find((line) => line.msg === 'request completed');
    expect(access).toMatchObject({
      level: 30,
      req: {
        id: 'shopper-report-4711',
        method: 'GET',
        path: '/api/payment/status/261121_abcdefgh1234',
      },
      res: { statusCode: 200 },
      appTransId: '261121_abcdefgh1234',
    });
    expect(typeof access?.responseTime).toBe('number');
    expect(JSON.stringify(written)).not.toContain('secret-ish');
    // A line logged while the request was handled names it.
    expect(written.find((line) => line.msg === 'looking it up')).toMatchObject({
      reqId: 'shopper-report-4711',
    });
  });

  it('logs a 5xx as an error, and leaves the health probe out', async () => {
    const broken = await linesAfter('/broken');
    expect(broken.lines).toEqual([
      expect.objectContaining({ level: 50, res: { statusCode: 503 }, msg: 'request completed' }),
    ]);
    const probe = await linesAfter('/healthz');
    expect(probe.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(probe.lines).toEqual([]);
  });

  it('logs a served static file at debug only (no info line per asset), a missing one as a warning', async () => {
    for (const path of ['/assets/index-3f2a9c.js', '/favicon.svg']) {
      const served = await linesAfter(path);
      expect(served.response.status).toBe(200);
      expect(served.lines).toEqual([
        expect.objectContaining({
          level: 20,
          msg: 'asset served',
          req: expect.objectContaining({ path }),
        }),
      ]);
    }
    const missing = await linesAfter('/assets/missing-000000.js');
    expect(missing.lines).toEqual([
      expect.objectContaining({ level: 40, res: { statusCode: 404 }, msg: 'request completed' }),
    ]);
  });

  it('logs the page closing its live status stream at debug, and any other abort as a warning', async () => {
    async function closedEarly(path: string) {
      lines.length = 0;
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}${path}`, { signal: controller.signal });
      await response.body?.getReader().read();
      controller.abort();
      for (let i = 0; i < 50 && lines.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return lines.find((line) => line.req !== undefined);
    }
    expect(await closedEarly('/trpc/onStatusChange')).toMatchObject({
      level: 20,
      msg: 'stream closed',
    });
    expect(await closedEarly('/slow')).toMatchObject({ level: 40, msg: 'request aborted' });
  });
});
