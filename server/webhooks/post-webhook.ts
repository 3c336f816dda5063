// One delivery attempt over HTTP: POST the exact body with its signature, never follow a redirect, give
// up after the time limit, and say what happened (status code, duration, error) for the attempt record.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { SIGNATURE_HEADER } from './webhook-signature';

export interface PostOutcome {
  /** null when no answer came (refused, timed out, blocked destination). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface PostOptions {
  url: URL;
  body: string;
  signature: string;
  timeoutMs: number;
  /** Set in production: refuses to connect to a non-public address (webhook-destination.ts). */
  lookup?: LookupFunction | undefined;
}

/** Reads at most this much of an answer: the receiver's body is kept only as a hint in the error. */
const MAX_ANSWER_BYTES = 512;

export function postWebhook(options: PostOptions): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const send = options.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, durationMs: elapsed(), error });
    };
    const req = send(
      options.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(options.body),
          'user-agent': 'zalopay-checkout-webhooks/1',
          [SIGNATURE_HEADER]: options.signature,
        },
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          const answer = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES);
          const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
          finish(status, ok ? null : `HTTP ${status}${redirect}${answer ? `: ${answer}` : ''}`);
        });
        res.on('error', (error) => finish(res.statusCode ?? null, error.message));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(null, `no answer within ${options.timeoutMs} ms`);
    }, options.timeoutMs);
    req.on('error', (error) => finish(null, error.message));
    req.end(options.body);
  });
}
