// tRPC's Express adapter writes every answer as a stream (a write per chunk, then an empty end), so nothing
// after it learns an answer's length: each went chunked, and the compression middleware, which leaves small
// answers as they are by their length (compressed-answers.ts), brotli-compressed even a 300-byte
// createOrder answer, about a millisecond of a sale's two calls (docs/benchmarks.md). A JSON answer is one
// JSON text, so its chunks are held and sent whole at the end, with a Content-Length. Anything else (the
// live status's event stream, httpBatchStreamLink's JSON Lines, which tRPC also labels application/json)
// passes as it comes.
import type { Request, RequestHandler, Response } from 'express';

/** What tRPC streams as JSON Lines: a `trpc-accept` of application/jsonl, or an Accept naming it. */
function asksForJsonLines(req: Request): boolean {
  const asked = req.headers['trpc-accept'];
  if (asked !== undefined) return asked === 'application/jsonl';
  return (req.headers.accept ?? '').split(',').some((type) => type.trim() === 'application/jsonl');
}

function isJsonAnswer(res: Response): boolean {
  const type = String(res.getHeader('Content-Type') ?? '');
  return type.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function asBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  }
  return Buffer.from(chunk as Uint8Array);
}

/** Mounted right in front of tRPC's adapter, for the answers only it writes. */
export function trpcWholeAnswers(): RequestHandler {
  return (req, res, next) => {
    if (asksForJsonLines(req)) return next();
    const write = res.write;
    const end = res.end;
    /** Decided at the first write: the chunks held back, or null when the answer streams. */
    let held: Buffer[] | null | undefined;
    res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
      if (held === undefined) held = isJsonAnswer(this) ? [] : null;
      if (!held) return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      held.push(asBuffer(chunk, rest[0]));
      return true;
    } as Response['write'];
    res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
      if (!held) return (end as (...args: unknown[]) => Response).call(this, chunk, ...rest);
      const args = [chunk, ...rest];
      if (chunk !== undefined && typeof chunk !== 'function') held.push(asBuffer(chunk, rest[0]));
      const body = Buffer.concat(held);
      if (!this.headersSent) this.setHeader('Content-Length', body.length);
      return (end as (...args: unknown[]) => Response).call(
        this,
        body,
        args.find((arg) => typeof arg === 'function'),
      );
    } as Response['end'];
    next();
  };
}
