// Test fixture: a tiny merchant server on 127.0.0.1 that records every callback exactly as it arrived
// (raw bytes and headers) and answers what the test tells it to, for the emulator's callback tests.
import { createServer } from 'node:http';
import { listeningPort } from '../emulator/listening-port';
import type { IncomingHttpHeaders } from 'node:http';

export interface ReceivedCallback {
  raw: Buffer;
  text: string;
  headers: IncomingHttpHeaders;
}

export interface MerchantReply {
  status: number;
  body: string;
  /** Hold the reply this long (to keep a delivery "in flight"). */
  delayMs?: number;
}

export interface MerchantReceiver {
  url: string;
  received: ReceivedCallback[];
  /** Waits until `count` callbacks arrived, polling every 20 ms for at most `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedCallback[]>;
  close(): Promise<void>;
}

export const ACCEPT: MerchantReply = {
  status: 200,
  body: '{"return_code":1,"return_message":"success"}',
};

export async function startMerchantReceiver(
  reply: (index: number) => MerchantReply = () => ACCEPT,
): Promise<MerchantReceiver> {
  const received: ReceivedCallback[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const answer = reply(received.length);
      received.push({ raw, text: raw.toString('utf8'), headers: req.headers });
      setTimeout(() => {
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(answer.body);
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = listeningPort(server);

  return {
    url: `http://127.0.0.1:${port}/zalopay/callback`,
    received,
    async waitFor(count, timeoutMs = 10_000) {
      for (let waited = 0; received.length < count && waited < timeoutMs; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
