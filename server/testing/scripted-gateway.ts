// A stand-in for ZaloPay's API for the adapter's tests: a real HTTP server on 127.0.0.1 that answers each
// request with the next scripted answer (or never answers), records what came, and closes after each test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach } from 'vitest';

export type ScriptedAnswer = { status?: number; body: string } | 'hang';

export interface RecordedRequest {
  method: string;
  path: string;
  contentType: string;
  body: string;
}

export interface ScriptedServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const openServers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(openServers.splice(0).map((server) => server.close()));
});

/** A stand-in for ZaloPay: answers each request with the next scripted answer, and records it. */
export async function startScriptedServer(answers: ScriptedAnswer[]): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const queue = [...answers];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: req.headers['content-type'] ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = queue.shift() ?? { status: 500, body: 'script exhausted' };
      if (answer === 'hang') return;
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  const scripted: ScriptedServer = {
    baseUrl: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  openServers.push(scripted);
  return scripted;
}
