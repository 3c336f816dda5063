// Reads the parameters of an API call the way the gateway accepts them (docs/zalopay-protocol.md §1.1): from the
// query string, a form body or a JSON body, merged, with the body winning on conflict.
import type { Request } from 'express';

export type WireParams = Record<string, unknown>;

function searchParamsRecord(params: URLSearchParams): WireParams {
  const record: WireParams = {};
  for (const [name, value] of params) record[name] = value;
  return record;
}

function isPlainObject(value: unknown): value is WireParams {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksJson(req: Request, body: string): boolean {
  const contentType = req.get('content-type') ?? '';
  return contentType.includes('json') || (contentType === '' && body.trimStart().startsWith('{'));
}

/** Where the parameters come from, for the inspector's hints. */
export function wireBodyFormat(req: Request): 'json' | 'form' | 'none' {
  const rawBody: unknown = req.body;
  const body = typeof rawBody === 'string' ? rawBody : '';
  if (body.trim() === '') return 'none';
  return looksJson(req, body) ? 'json' : 'form';
}

/**
 * The request's merged parameters, or null when the body cannot be parsed (the gateway then answers
 * -401). Expects the raw body as text (express.text for every content type).
 */
export function readWireParams(req: Request): WireParams | null {
  const query = searchParamsRecord(
    new URL(req.originalUrl, 'http://emulator.invalid').searchParams,
  );
  const rawBody: unknown = req.body;
  const body = typeof rawBody === 'string' ? rawBody : '';
  if (body.trim() === '') return query;

  if (looksJson(req, body)) {
    try {
      const parsed: unknown = JSON.parse(body);
      return isPlainObject(parsed) ? { ...query, ...parsed } : null;
    } catch {
      return null;
    }
  }
  return { ...query, ...searchParamsRecord(new URLSearchParams(body)) };
}
