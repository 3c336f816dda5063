// The server the app runs on: Express works on it as on any Node server, and its per-request prototype
// swap has nothing left to change (the point of createExpressServer).
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createExpressServer, type ExpressServer } from './express-server';

let running: ExpressServer | undefined;
afterEach(async () => {
  const server = running?.server;
  running = undefined;
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Whether each request arrived with the app's prototypes already, before Express touched it. */
const arrivedReady: boolean[] = [];

async function listening(app: express.Express): Promise<string> {
  running = createExpressServer();
  running.serve(app);
  const { server } = running;
  server.prependListener('request', (req, res) => {
    arrivedReady.push(
      Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('createExpressServer', () => {
  it("builds requests and responses that already have the app's prototypes", async () => {
    const app = express();
    app.use((req, res, next) => {
      res.locals.seen = true;
      next();
    });
    app.post('/echo', express.raw({ type: () => true }), (req, res) => {
      res.status(201).json({
        app: req.app === app,
        ip: req.ip,
        body: (req.body as Buffer).toString(),
        locals: res.locals.seen === true,
      });
    });
    const url = await listening(app);

    const answer = await fetch(`${url}/echo`, { method: 'POST', body: 'exact bytes' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await answer.json()).toEqual({
      app: true,
      ip: '127.0.0.1',
      body: 'exact bytes',
      locals: true,
    });
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
    expect(arrivedReady).toEqual([true, true]);
  });

  it('serves one app only', () => {
    const server = createExpressServer();
    server.serve(express());
    expect(() => server.serve(express())).toThrow('already serves an app');
  });
});
