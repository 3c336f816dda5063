// Test support: the merchant's side of ZaloPay's callbacks, a tiny server on 127.0.0.1 that records every
// callback exactly as it arrived (raw bytes and headers) and answers what the test tells it to: scripted
// replies for the emulator's callback tests, the payments service's own answer in the service harness.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { listeningPort } from '../emulator/listening-port';

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

/** The reply to the callback numbered `index` (0 for the first), which arrived as `raw`. */
export type MerchantReplies = (
  index: number,
  raw: Buffer,
) => MerchantReply | Promise<MerchantReply>;

export interface MerchantReceiver {
  /** http://127.0.0.1:<port>: the merchant's public base URL. */
  origin: string;
  /** The callback_url to give the emulator: origin + /zalopay/callback (any path is answered alike). */
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
  reply: MerchantReplies = () => ACCEPT,
): Promise<MerchantReceiver> {
  const received: ReceivedCallback[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const index = received.length;
      received.push({ raw, text: raw.toString('utf8'), headers: req.headers });
      void Promise.resolve(reply(index, raw)).then(
        (answer) => {
          setTimeout(() => {
            res.writeHead(answer.status, { 'Content-Type': 'application/json' });
            res.end(answer.body);
          }, answer.delayMs ?? 0);
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${listeningPort(server)}`;

  return {
    origin,
    url: `${origin}/zalopay/callback`,
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
