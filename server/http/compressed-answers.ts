// Compresses the browser-facing answers (HTML, JS, CSS, JSON; brotli when the browser takes it, else
// gzip) with Express's `compression` middleware. Never the live status stream: a compressor holds
// server-sent events back until its buffer fills, so the shopper would see a payment late or never.
import compression from 'compression';
import type { RequestHandler, Response } from 'express';

/**
 * Answers smaller than this go as they are: a status read (~400 bytes) gains nothing from gzip. The
 * middleware knows an answer's size only from its length, so tRPC's adapter, which writes its answers as
 * streams, has its JSON answers sent whole (trpc-whole-answers.ts).
 */
const THRESHOLD_BYTES = 1024;

export function compressedAnswers(): RequestHandler {
  return compression({
    threshold: THRESHOLD_BYTES,
    filter: (req, res) => !isEventStream(res) && compression.filter(req, res),
  });
}

function isEventStream(res: Response): boolean {
  return String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream');
}
