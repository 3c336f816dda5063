// tRPC listProducts (the shop's menu read, alone or as httpBatchLink sends it) answered from the storefront
// cache with bodies prepared once per catalogue version: serialised by the same superjson into tRPC's
// envelope, then gzipped and brotli-compressed once, with an ETag for a 304. 500 products make a 98 KB
// answer: serialising and compressing it per request held the read near 200/s (docs/benchmarks.md).
// Any other call, any input, and any failure (the database unreachable) is the adapter's.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, RequestHandler } from 'express';
import superjson from 'superjson';
import type { StorefrontCache } from '../catalogue/storefront-cache';
import type { StorefrontView } from '../catalogue/storefront-view';

const PROCEDURE = 'listProducts';
const ENCODINGS = ['br', 'gzip', 'identity'] as const;
type Encoding = (typeof ENCODINGS)[number];
type Shape = 'single' | 'batch';

interface PreparedBody {
  body: Buffer;
  etag: string;
}

/** `GET /listProducts` or `GET /listProducts?batch=1&input={"0":…}` with no input, else undefined. */
function shapeOf(req: Request): Shape | undefined {
  if (req.method !== 'GET' || req.path !== `/${PROCEDURE}`) return undefined;
  if (req.headers['trpc-accept'] !== undefined) return undefined;
  const { batch, input, ...others } = req.query as Record<string, unknown>;
  if (Object.keys(others).length > 0) return undefined;
  try {
    if (batch === undefined) {
      if (input === undefined) return 'single';
      return typeof input === 'string' && noInput(JSON.parse(input)) ? 'single' : undefined;
    }
    if (batch !== '1') return undefined;
    if (input === undefined) return 'batch';
    if (typeof input !== 'string') return undefined;
    const calls: unknown = JSON.parse(input);
    if (typeof calls !== 'object' || calls === null) return undefined;
    const keys = Object.keys(calls);
    if (keys.length === 0) return 'batch';
    return keys.length === 1 && keys[0] === '0' && noInput((calls as Record<string, unknown>)[0])
      ? 'batch'
      : undefined;
  } catch {
    return undefined;
  }
}

/** What superjson makes of `undefined` (or a bare null/absent input): the procedure takes none. */
function noInput(serialised: unknown): boolean {
  if (serialised === null || serialised === undefined) return true;
  if (typeof serialised !== 'object') return false;
  return superjson.deserialize(serialised as never) === undefined;
}

const compressors: Record<Exclude<Encoding, 'identity'>, (raw: Buffer) => Promise<Buffer>> = {
  // Once per catalogue version, on the thread pool: the strongest settings cost nothing per request.
  br: (raw) =>
    promisify(brotliCompress)(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
  gzip: (raw) => promisify(gzip)(raw, { level: 9 }),
};

/** The answers of one catalogue version, each made on first use and kept until the version changes. */
function preparedAnswers(view: StorefrontView) {
  const made = new Map<string, Promise<PreparedBody>>();
  const raw: Record<Shape, Buffer> = { single: Buffer.alloc(0), batch: Buffer.alloc(0) };
  const result = { result: { data: superjson.serialize({ products: view.products }) } };
  raw.single = Buffer.from(JSON.stringify(result));
  raw.batch = Buffer.from(JSON.stringify([result]));
  const hashes: Record<Shape, string> = {
    single: createHash('sha256').update(raw.single).digest('base64url').slice(0, 22),
    batch: createHash('sha256').update(raw.batch).digest('base64url').slice(0, 22),
  };
  return (shape: Shape, encoding: Encoding): Promise<PreparedBody> => {
    const key = `${shape} ${encoding}`;
    let body = made.get(key);
    if (!body) {
      const etag = `"${hashes[shape]}-${encoding}"`;
      body =
        encoding === 'identity'
          ? Promise.resolve({ body: raw[shape], etag })
          : compressors[encoding](raw[shape]).then((compressed) => ({ body: compressed, etag }));
      made.set(key, body);
    }
    return body;
  };
}

/** In front of the adapter: answers the shop's menu read, hands the rest (and every error) to the next handler. */
export function trpcProductList(storefront: StorefrontCache): RequestHandler {
  let current: { view: StorefrontView; answers: ReturnType<typeof preparedAnswers> } | undefined;
  return (req, res, next) => {
    const shape = shapeOf(req);
    if (!shape) return next();
    const encoding = (req.acceptsEncodings([...ENCODINGS]) || 'identity') as Encoding;
    storefront
      .get()
      .then((view) => {
        if (current?.view !== view) current = { view, answers: preparedAnswers(view) };
        return current.answers(shape, encoding);
      })
      .then(
        ({ body, etag }) => {
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Vary', 'trpc-accept, accept, accept-encoding');
          // Asked again on every use (a change in /ops shows within seconds); unchanged costs a 304.
          res.setHeader('Cache-Control', 'no-cache');
          res.setHeader('ETag', etag);
          if (req.fresh) {
            res.status(304).end();
            return;
          }
          if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
          res.setHeader('Content-Length', body.length);
          res.end(body);
        },
        () => next(),
      );
  };
}
