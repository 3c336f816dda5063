// One HTTP POST of a JSON body to a merchant URL, on a fresh connection (no keep-alive pool left behind),
// bounded by a timeout and by the emulator's lifetime; answers the status and up to 64 KiB of the reply.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpReply {
  status: number;
  body: string;
}

const MAX_REPLY_BYTES = 64 * 1024;

export function postJson(
  url: string,
  body: string,
  timeoutMs: number,
  lifetime: AbortSignal,
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const payload = Buffer.from(body, 'utf8');
    const request = send(
      target,
      {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length },
        signal: AbortSignal.any([lifetime, AbortSignal.timeout(timeoutMs)]),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_REPLY_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, MAX_REPLY_BYTES).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
